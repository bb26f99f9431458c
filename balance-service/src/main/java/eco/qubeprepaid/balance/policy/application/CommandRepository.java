package eco.qubeprepaid.balance.policy.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.policy.domain.CommandRecord;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand;

/**
 * The audit of the device commands this service requested, the source of re-asks, in the
 * caller's transaction. Implemented by {@code policy.persistence.CommandStore}.
 */
public interface CommandRepository {

	/**
	 * Records new commands, one statement for all.
	 * @param commands the commands
	 */
	void insert(List<CommandRecord> commands);

	/**
	 * @param commandId a command
	 * @return it, if this service requested it
	 */
	Optional<CommandRecord> find(UUID commandId);

	/**
	 * Settles a command once.
	 * @param commandId the command
	 * @param status its outcome
	 * @param failureCode the failure's code, or {@code null}
	 * @param at when
	 * @return whether it was waiting for its outcome and is settled now
	 */
	boolean settle(UUID commandId, TrackedCommand.Status status, String failureCode, Instant at);

	/**
	 * @param askedBefore the instant before which a waiting command was last asked
	 * @param limit the most commands
	 * @return commands still waiting for an outcome that were last asked before then,
	 * oldest first
	 */
	List<CommandRecord> waitingSince(Instant askedBefore, int limit);

	/**
	 * Records that a waiting command was asked again.
	 * @param commandId the command
	 * @param at when
	 * @return whether it was still waiting
	 */
	boolean askedAgain(UUID commandId, Instant at);

	/**
	 * @return how many commands wait for an outcome
	 */
	int waitingCount();

	/**
	 * @param premiseId a premise
	 * @param limit the most rows
	 * @return its commands, newest first
	 */
	List<CommandRecord> ofPremise(String premiseId, int limit);

}
