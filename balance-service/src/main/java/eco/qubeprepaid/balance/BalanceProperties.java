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
 * balance-service's settings ({@code qube.balance.*}).
 *
 * @param maxPowerKw the most power a premise can draw: readings implying more are
 * quarantined, drops to less than it could consume are resets
 * @param toleranceKwh slack added to every plausibility bound (register resolution, clock
 * skew)
 * @param defaultFixedDailyPaise the fixed daily charge where no tariff version sets one
 * @param outbox the outbox relay's settings
 * @param consumer the Kafka consumers' error handling
 * @param maxClockSkew how far ahead of this service's clock a reading may be stamped (the
 * poller's clock may run a little ahead); later ones are ignored
 */
@Validated
@ConfigurationProperties("qube.balance")
public record BalanceProperties(@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal maxPowerKw,
		@NotNull @DecimalMin("0") BigDecimal toleranceKwh, @Min(0) long defaultFixedDailyPaise,
		@Valid @NotNull Outbox outbox, @Valid @NotNull Consumer consumer,
		@DefaultValue("5m") @NotNull Duration maxClockSkew) {

	/**
	 * The outbox relay.
	 *
	 * @param pollInterval the pause between two publication rounds
	 * @param batchSize the most rows one round publishes
	 * @param sendTimeout how long a round waits for the broker's acknowledgements
	 */
	public record Outbox(@DefaultValue("200ms") @NotNull Duration pollInterval,
			@DefaultValue("500") @Min(1) int batchSize, @DefaultValue("10s") @NotNull Duration sendTimeout) {
	}

	/**
	 * The consumers.
	 *
	 * @param retries how many times a snapshot whose processing failed for a reason that
	 * is not transient is retried (blocking) before it goes to the dead-letter topic; a
	 * transient failure (the database or the broker away) is retried without a limit, and
	 * a top-up or a command outcome is never dead-lettered unless it is malformed
	 * @param retryInterval the first pause between retries (doubling each time, up to
	 * {@code maxRetryInterval})
	 * @param maxRetryInterval the longest pause between retries
	 * @param topicPartitions the partitions of the topics this service creates
	 * @param snapshotConcurrency the consumer threads of the snapshot listener (one per
	 * partition at most; a premise's snapshots share a key, hence a partition and a
	 * thread, so they stay in order)
	 */
	public record Consumer(@DefaultValue("4") @Min(0) int retries,
			@DefaultValue("500ms") @NotNull Duration retryInterval,
			@DefaultValue("30s") @NotNull Duration maxRetryInterval, @DefaultValue("3") @Min(1) int topicPartitions,
			@DefaultValue("3") @Min(1) int snapshotConcurrency) {
	}

}
