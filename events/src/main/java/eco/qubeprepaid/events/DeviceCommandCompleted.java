package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * poller-service applied a device command and verified it by reading the meter back.
 *
 * @param eventId the event id
 * @param occurredAt when it was verified
 * @param premiseId the premise's stable identity
 * @param commandId the command's id
 * @param command what was done
 * @param deviceId the device it was applied to
 * @param relayOn the relay state read back
 * @param balancePaise the balance read back
 * @param attempts how many writes it took (1 unless the meter was offline or a write
 * failed)
 */
public record DeviceCommandCompleted(UUID eventId, Instant occurredAt, String premiseId, UUID commandId,
		DeviceCommand command, String deviceId, Boolean relayOn, Long balancePaise,
		int attempts) implements DomainEvent {

	public DeviceCommandCompleted {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(commandId, "commandId");
		Require.present(command, "command");
		Require.text(deviceId, "deviceId");
		Require.positive(attempts, "attempts");
	}

}
