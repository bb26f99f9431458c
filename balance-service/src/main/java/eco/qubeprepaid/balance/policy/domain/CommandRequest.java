package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import eco.qubeprepaid.events.DeviceCommand;

/**
 * A device command the policy decided to request.
 *
 * @param commandId its deterministic id
 * @param command what to do
 * @param balancePaise the absolute balance, for {@link DeviceCommand#SET_BALANCE} only
 * @param expectedMeterBalancePaise for a balance set: the most the meter may show when
 * the set is applied (more means credit from elsewhere that the set would erase), or
 * {@code null}
 * @param reason why, for the audit trail
 * @param expiresAt after this the poller must not apply it
 * @param sequence the premise's command order
 */
public record CommandRequest(UUID commandId, DeviceCommand command, Long balancePaise, Long expectedMeterBalancePaise,
		String reason, Instant expiresAt, long sequence) {

	public CommandRequest {
		Objects.requireNonNull(commandId, "commandId");
		Objects.requireNonNull(command, "command");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(expiresAt, "expiresAt");
		if ((command == DeviceCommand.SET_BALANCE) != (balancePaise != null)) {
			throw new IllegalArgumentException("a balance goes with SET_BALANCE and only with it");
		}
		if (balancePaise != null && balancePaise < 0) {
			throw new IllegalArgumentException("a meter balance cannot be negative, was " + balancePaise);
		}
	}

	/**
	 * @return whether it asks for the supply on (a relay-on)
	 */
	public boolean relayOn() {
		return this.command == DeviceCommand.RELAY_ON;
	}

	/**
	 * @return whether it switches the relay
	 */
	public boolean isRelay() {
		return this.command != DeviceCommand.SET_BALANCE;
	}

}
