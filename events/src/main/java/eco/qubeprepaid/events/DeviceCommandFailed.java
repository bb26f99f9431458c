package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * poller-service gave up on a device command: it expired while the meter was offline, or
 * the Qube API refused it for good.
 *
 * @param eventId the event id
 * @param occurredAt when it gave up
 * @param premiseId the premise's stable identity
 * @param commandId the command's id
 * @param command what was asked
 * @param deviceId the device last tried, or {@code null} if none is known for the premise
 * @param errorCode the Qube {@code error.code} or one of ours ({@code expired},
 * {@code unknown_premise})
 * @param detail a human-readable explanation
 * @param attempts how many writes were tried
 */
public record DeviceCommandFailed(UUID eventId, Instant occurredAt, String premiseId, UUID commandId,
		DeviceCommand command, String deviceId, String errorCode, String detail, int attempts) implements DomainEvent {

	public DeviceCommandFailed {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(commandId, "commandId");
		Require.present(command, "command");
		Require.text(errorCode, "errorCode");
		Require.nonNegative(attempts, "attempts");
	}

}
