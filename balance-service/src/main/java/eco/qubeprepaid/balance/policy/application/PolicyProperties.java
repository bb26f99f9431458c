package eco.qubeprepaid.balance.policy.application;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service-wide settings of the cut-off policy and reconciliation
 * ({@code qube.balance.policy.*}); what differs per premise lives in the database.
 *
 * @param staleness how far a snapshot may lag the newest data (data time), or the
 * periodic job's clock, for a cut-off to rely on it
 * @param commandTtl how long the poller keeps trying a relay or balance command
 * @param jobInterval how often the job looks for scheduled cut-offs that are due
 * @param jobBatchSize the most premises one job round handles
 * @param syncThresholdPaise the meter-versus-ledger difference worth a SET_BALANCE
 * @param syncInterval the least data time between two SET_BALANCE of one premise
 * @param driftThresholdPaise the largest difference that is not a drift
 */
@Validated
@ConfigurationProperties("qube.balance.policy")
public record PolicyProperties(@DefaultValue("15m") @NotNull Duration staleness,
		@DefaultValue("1h") @NotNull Duration commandTtl, @DefaultValue("30s") @NotNull Duration jobInterval,
		@DefaultValue("200") @Min(1) int jobBatchSize, @DefaultValue("100") @Min(0) long syncThresholdPaise,
		@DefaultValue("15m") @NotNull Duration syncInterval, @DefaultValue("5000") @Min(0) long driftThresholdPaise) {
}
