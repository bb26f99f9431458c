package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited operator switch.
 *
 * @param relayOn the direction
 * @param operator who
 * @param reason why
 * @param commandId the command sent
 * @param requestedAt when
 */
public record OverrideEntry(boolean relayOn, String operator, String reason, UUID commandId, Instant requestedAt) {
}
