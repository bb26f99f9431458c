package eco.qubeprepaid.balance.policy.application;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service-wide settings of the cut-off policy and reconciliation
 * ({@code qp.balance.policy.*}); what differs per premise lives in the database.
 *
 * @param staleness how far behind the service clock a reading may be for a cut-off to
 * rely on it
 * @param commandTtl how long the poller keeps trying a relay or balance command
 * @param jobInterval how often the policy job runs (scheduled cut-offs, owed supplies,
 * re-asks)
 * @param jobBatchSize the most premises or commands one job round handles of each kind
 * @param syncThresholdPaise the meter-versus-ledger difference worth a SET_BALANCE
 * @param syncInterval the least data time between two reconciliation SET_BALANCE of one
 * premise
 * @param driftThresholdPaise the largest difference that is not a drift
 * @param outcomeTimeout how long a command may wait for its outcome before it is asked
 * again (same command id, so the poller applies it once)
 * @param restoreOverdueAfter how long an owed supply may stay off before it is reported
 * overdue (an alert an operator sees)
 * @param meterCreditMinimumPaise the least unexplained rise of a meter's balance that is
 * credited to the ledger as credit from outside it
 */
@Validated
@ConfigurationProperties("qp.balance.policy")
public record PolicyProperties(@DefaultValue("15m") @NotNull Duration staleness,
		@DefaultValue("1h") @NotNull Duration commandTtl, @DefaultValue("30s") @NotNull Duration jobInterval,
		@DefaultValue("200") @Min(1) int jobBatchSize, @DefaultValue("100") @Min(0) long syncThresholdPaise,
		@DefaultValue("15m") @NotNull Duration syncInterval, @DefaultValue("5000") @Min(0) long driftThresholdPaise,
		@DefaultValue("2m") @NotNull Duration outcomeTimeout,
		@DefaultValue("10m") @NotNull Duration restoreOverdueAfter,
		@DefaultValue("100") @Min(1) long meterCreditMinimumPaise) {
}
