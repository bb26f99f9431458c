package eco.qubeprepaid.balance;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * balance-service's settings ({@code qp.balance.*}).
 *
 * @param maxPowerKw the most power a premise can draw: readings implying more are
 * quarantined, drops to less than it could consume are resets
 * @param toleranceKwh slack added to every plausibility bound (register resolution, clock
 * skew)
 * @param defaultFixedDailyPaise the fixed daily charge where no tariff version sets one
 * @param consumer the snapshot consumer (its retries and dead letters are the platform's,
 * {@code qp.platform.consumer.*})
 * @param maxClockSkew how far ahead of this service's clock a reading may be stamped (the
 * poller's clock may run a little ahead); later ones are ignored
 */
@Validated
@ConfigurationProperties("qp.balance")
public record BalanceProperties(@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal maxPowerKw,
		@NotNull @DecimalMin("0") BigDecimal toleranceKwh, @Min(0) long defaultFixedDailyPaise,
		@Valid @NotNull @DefaultValue Consumer consumer, @DefaultValue("5m") @NotNull Duration maxClockSkew) {

	/**
	 * The snapshot consumer.
	 *
	 * @param snapshotConcurrency the consumer threads of the snapshot listener (one per
	 * partition at most; a premise's snapshots share a key, hence a partition and a
	 * thread, so they stay in order)
	 */
	public record Consumer(@DefaultValue("3") @Min(1) int snapshotConcurrency) {
	}

}
