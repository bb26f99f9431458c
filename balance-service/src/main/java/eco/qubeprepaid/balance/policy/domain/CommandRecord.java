package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import eco.qubeprepaid.events.DeviceCommand;

/**
 * A device command this service requested.
 *
 * @param commandId its id
 * @param premiseId the premise
 * @param command what it asks
 * @param balancePaise the balance, for a balance set
 * @param expectedMeterBalancePaise the most the meter may show for the set to apply, or
 * {@code null}
 * @param reason why
 * @param requestedBy who ({@code balance-service} or {@code operator:<name>})
 * @param sequence the premise's command order
 * @param requestedAt when
 * @param expiresAt after this the poller does not apply it
 * @param status its outcome so far
 * @param asks how often it was asked (1 + re-asks)
 * @param lastAskedAt when it was last asked
 * @param settledAt when its outcome came, or {@code null}
 * @param failureCode the failure's code, or {@code null}
 */
public record CommandRecord(UUID commandId, String premiseId, DeviceCommand command, Long balancePaise,
		Long expectedMeterBalancePaise, String reason, String requestedBy, long sequence, Instant requestedAt,
		Instant expiresAt, TrackedCommand.Status status, int asks, Instant lastAskedAt, Instant settledAt,
		String failureCode) {

	public CommandRecord {
		Objects.requireNonNull(commandId, "commandId");
		Objects.requireNonNull(premiseId, "premiseId");
		Objects.requireNonNull(command, "command");
	}

	/**
	 * A command just requested.
	 * @param commandId its id
	 * @param premiseId the premise
	 * @param command what it asks
	 * @param balancePaise the balance, for a balance set
	 * @param expectedMeterBalancePaise the most the meter may show, or {@code null}
	 * @param reason why
	 * @param requestedBy who
	 * @param sequence the order
	 * @param requestedAt when
	 * @param expiresAt until when
	 * @return the record
	 */
	public static CommandRecord requested(UUID commandId, String premiseId, DeviceCommand command, Long balancePaise,
			Long expectedMeterBalancePaise, String reason, String requestedBy, long sequence, Instant requestedAt,
			Instant expiresAt) {
		return new CommandRecord(commandId, premiseId, command, balancePaise, expectedMeterBalancePaise, reason,
				requestedBy, sequence, requestedAt, expiresAt, TrackedCommand.Status.REQUESTED, 1, requestedAt, null,
				null);
	}

}
