package eco.qubeprepaid.poller.command.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import eco.qubeprepaid.events.DeviceCommand;

/**
 * A device command waiting to be applied.
 *
 * @param commandId the idempotency key
 * @param premiseId the premise
 * @param command what to do
 * @param balancePaise the absolute balance for {@link DeviceCommand#SET_BALANCE}
 * @param requestedAt when it was requested
 * @param expiresAt when it is given up
 * @param attempts how many writes were sent so far
 * @param expectedMeterBalancePaise for SET_BALANCE: the most the meter may show for the
 * set to be applied, or {@code null}
 * @param writeSent whether a write of this command was ever sent (recorded before it is
 * sent): the meter may then show its effect although no outcome was recorded
 */
public record PendingCommand(UUID commandId, String premiseId, DeviceCommand command, Long balancePaise,
		Instant requestedAt, Instant expiresAt, int attempts, Long expectedMeterBalancePaise, boolean writeSent) {

	public PendingCommand {
		Objects.requireNonNull(commandId, "commandId");
		Objects.requireNonNull(premiseId, "premiseId");
		Objects.requireNonNull(command, "command");
		Objects.requireNonNull(expiresAt, "expiresAt");
		if (expectedMeterBalancePaise != null && command != DeviceCommand.SET_BALANCE) {
			throw new IllegalArgumentException("an expected meter balance goes with SET_BALANCE only");
		}
		if ((command == DeviceCommand.SET_BALANCE) != (balancePaise != null)) {
			throw new IllegalArgumentException("a balance goes with SET_BALANCE and only with it");
		}
	}

	/**
	 * Tells whether the command may no longer be applied.
	 * @param now the time
	 * @return true once {@code expiresAt} has passed
	 */
	public boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
