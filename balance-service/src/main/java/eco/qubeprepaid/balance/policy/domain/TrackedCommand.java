package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import eco.qubeprepaid.events.DeviceCommand;

/**
 * The last command of one kind (relay, or balance set) this service requested for a
 * premise, and what became of it so far.
 *
 * @param commandId the command's id
 * @param command what it asked for
 * @param balancePaise the balance it set, for {@link DeviceCommand#SET_BALANCE}
 * @param status its outcome so far
 * @param requestedAt when it was requested (service time)
 * @param settledAt when its outcome was recorded (service time), or {@code null}
 * @param failureCode the poller's error code of a failure, or {@code null}
 */
public record TrackedCommand(UUID commandId, DeviceCommand command, Long balancePaise, Status status,
		Instant requestedAt, Instant settledAt, String failureCode) {

	/**
	 * Failures that say the same command would be refused again by this meter as it is
	 * now: asking again is worth it only after a newer reading.
	 */
	private static final Set<String> REFUSED = Set.of("relay_not_available", "invalid_state", "insufficient_balance",
			"validation_error", "meter_balance_changed", "authentication_error");

	public TrackedCommand {
		Objects.requireNonNull(commandId, "commandId");
		Objects.requireNonNull(command, "command");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(requestedAt, "requestedAt");
	}

	/**
	 * A command just requested.
	 * @param request the request
	 * @param at when
	 * @return the tracked command
	 */
	public static TrackedCommand requested(CommandRequest request, Instant at) {
		return new TrackedCommand(request.commandId(), request.command(), request.balancePaise(), Status.REQUESTED, at,
				null, null);
	}

	/**
	 * @param status the outcome
	 * @param at when it was recorded
	 * @param code the failure code, or {@code null}
	 * @return this command with that outcome
	 */
	public TrackedCommand settled(Status status, Instant at, String code) {
		return new TrackedCommand(this.commandId, this.command, this.balancePaise, status, this.requestedAt, at, code);
	}

	/**
	 * @return whether a relay command asked for the supply on
	 */
	public boolean relayOn() {
		return this.command == DeviceCommand.RELAY_ON;
	}

	/**
	 * @param relayOn the direction
	 * @return whether this is a failed relay command in that direction
	 */
	public boolean failed(boolean relayOn) {
		return this.command != DeviceCommand.SET_BALANCE && relayOn() == relayOn && this.status == Status.FAILED;
	}

	/**
	 * @return whether no outcome has come in yet
	 */
	public boolean inFlight() {
		return this.status == Status.REQUESTED;
	}

	/**
	 * @return whether it failed in a way that the same meter would repeat
	 */
	public boolean refused() {
		return this.status == Status.FAILED && this.failureCode != null && REFUSED.contains(this.failureCode);
	}

	/** A command's outcome. */
	public enum Status {

		/** Sent to the poller, no outcome yet. */
		REQUESTED,
		/** Applied and verified by reading back. */
		COMPLETED,
		/** Abandoned (expired while offline, refused, superseded or never answered). */
		FAILED

	}

}
