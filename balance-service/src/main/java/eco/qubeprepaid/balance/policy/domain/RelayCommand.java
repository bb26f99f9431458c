package eco.qubeprepaid.balance.policy.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The last relay command requested for a premise and what became of it.
 *
 * @param commandId the command's id
 * @param relayOn whether it asked for the relay on
 * @param status its outcome so far
 */
public record RelayCommand(UUID commandId, boolean relayOn, Status status) {

	public RelayCommand {
		Objects.requireNonNull(commandId, "commandId");
		Objects.requireNonNull(status, "status");
	}

	/**
	 * @param status the new status
	 * @return this command with that status
	 */
	public RelayCommand with(Status status) {
		return new RelayCommand(this.commandId, this.relayOn, status);
	}

	/**
	 * @param relayOn the direction
	 * @return whether this is a failed command in that direction
	 */
	public boolean failed(boolean relayOn) {
		return this.relayOn == relayOn && this.status == Status.FAILED;
	}

	/** A command's outcome. */
	public enum Status {

		/** Sent to the poller, no outcome yet. */
		REQUESTED,
		/** Applied and verified by reading back. */
		COMPLETED,
		/** Abandoned (expired while offline, or refused). */
		FAILED

	}

}
