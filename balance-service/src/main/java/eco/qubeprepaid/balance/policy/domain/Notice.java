package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;

/**
 * A low-balance rung crossed.
 *
 * @param premiseId the premise
 * @param rung the rung's label
 * @param thresholdPaise its value
 * @param balancePaise the balance that crossed it
 * @param crossedAt when
 */
public record Notice(String premiseId, String rung, long thresholdPaise, long balancePaise, Instant crossedAt) {
}
