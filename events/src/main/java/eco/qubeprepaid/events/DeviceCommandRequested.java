package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A service or an operator asks for a relay switch or an absolute balance set on a
 * premise's meter. poller-service executes it ahead of polls, at most once per
 * {@code commandId}, and keeps retrying an offline meter until {@code expiresAt}.
 *
 * @param eventId the event id
 * @param occurredAt when it was requested
 * @param premiseId the premise's stable identity
 * @param commandId the command's idempotency key
 * @param command what to do
 * @param balancePaise the absolute balance to set, required for
 * {@link DeviceCommand#SET_BALANCE} only
 * @param reason why, for the audit trail (e.g. {@code credit-exhausted},
 * {@code operator})
 * @param requestedBy who asked (a service name or {@code operator:<name>})
 * @param expiresAt after this instant the command is abandoned and reported failed; a
 * relay-off's expiry is also bounded by the freshness of the data that decided it and by
 * the start of the next friendly window, so it can never land in one
 * @param sequence the requester's order of its commands for the premise, or {@code null}
 * (added within version 1): the poller applies a premise's commands in this order and a
 * newer command of the same kind supersedes an older one still pending
 * @param expectedMeterBalancePaise for {@link DeviceCommand#SET_BALANCE}: the most the
 * meter's balance may show when the set is applied; a higher balance means credit reached
 * the meter from elsewhere (Qube's own gateway), and an absolute set would erase it, so
 * the poller refuses the set ({@code null}: no such check; added within version 1)
 */
public record DeviceCommandRequested(UUID eventId, Instant occurredAt, String premiseId, UUID commandId,
		DeviceCommand command, Long balancePaise, String reason, String requestedBy, Instant expiresAt, Long sequence,
		Long expectedMeterBalancePaise) implements DomainEvent {

	public DeviceCommandRequested {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(commandId, "commandId");
		Require.present(command, "command");
		Require.text(reason, "reason");
		Require.text(requestedBy, "requestedBy");
		Require.present(expiresAt, "expiresAt");
		if (command == DeviceCommand.SET_BALANCE) {
			Require.nonNegative(Require.present(balancePaise, "balancePaise"), "balancePaise");
		}
		else if (balancePaise != null) {
			throw new IllegalArgumentException("balancePaise is only allowed with SET_BALANCE, not " + command);
		}
		if (sequence != null) {
			Require.nonNegative(sequence, "sequence");
		}
		if (expectedMeterBalancePaise != null) {
			Require.nonNegative(expectedMeterBalancePaise, "expectedMeterBalancePaise");
			if (command != DeviceCommand.SET_BALANCE) {
				throw new IllegalArgumentException(
						"expectedMeterBalancePaise is only allowed with SET_BALANCE, not " + command);
			}
		}
		if (!expiresAt.isAfter(occurredAt)) {
			throw new IllegalArgumentException("expiresAt must be after occurredAt");
		}
	}

}
