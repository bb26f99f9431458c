package eco.qubeprepaid.balance.policy.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.application.Workspace;
import eco.qubeprepaid.balance.ledger.application.Workspaces;
import eco.qubeprepaid.balance.ledger.persistence.LedgerStore;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.balance.policy.domain.Decision;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand;
import eco.qubeprepaid.balance.policy.persistence.CommandStore;
import eco.qubeprepaid.balance.policy.persistence.CommandStore.CommandRecord;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore.StoredState;
import eco.qubeprepaid.events.EventType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relay commands from outside the automatic policy: an operator forcing the relay (sent
 * and audited in one transaction) and the poller's reports of what became of a command,
 * after which the policy decides again.
 */
@Service
public class RelayOperations {

	private final PolicyEnforcement enforcement;

	private final PolicyStore store;

	private final CommandStore commands;

	private final LedgerStore ledger;

	private final Workspaces workspaces;

	private final CutoffPolicy cutoffs;

	private final Clock clock;

	public RelayOperations(PolicyEnforcement enforcement, PolicyStore store, CommandStore commands, LedgerStore ledger,
			Workspaces workspaces, CutoffPolicy cutoffs, Clock clock) {
		this.enforcement = enforcement;
		this.store = store;
		this.commands = commands;
		this.ledger = ledger;
		this.workspaces = workspaces;
		this.cutoffs = cutoffs;
		this.clock = clock;
	}

	/**
	 * Forces a premise's relay, audited.
	 * @param premiseId a premise the ledger knows
	 * @param relayOn the direction
	 * @param operator who
	 * @param reason why
	 * @return the command id
	 */
	@Transactional
	public UUID force(String premiseId, boolean relayOn, String operator, String reason) {
		Workspace work = this.workspaces.open(List.of(premiseId));
		UUID commandId = UUID.randomUUID();
		StoredState stored = work.policyState(premiseId);
		Decision decision = this.cutoffs.onOperator(this.store.policyFor(premiseId), stored.policy(), relayOn,
				commandId, "operator: " + reason, work.balance(premiseId));
		this.store.audit(premiseId, relayOn, operator, reason, commandId, this.clock.instant());
		this.enforcement.apply(work, premiseId, decision, new StoredState(decision.next(), stored.reconciliation()),
				"operator:" + operator);
		this.workspaces.flush(work);
		return commandId;
	}

	/**
	 * Records the outcome of a command, once per result event and once per command, then
	 * lets the policy decide again; outcomes of commands this service did not request
	 * change nothing.
	 * @param eventId the result event's id
	 * @param eventType its type
	 * @param outcome the outcome
	 * @return whether the outcome settled a command of this service
	 */
	@Transactional
	public boolean recordOutcome(UUID eventId, EventType eventType, CutoffPolicy.Outcome outcome) {
		if (!this.ledger.markProcessed(eventId, eventType.token())) {
			return false;
		}
		return settle(outcome);
	}

	/**
	 * Settles a command this service gave up waiting for (no outcome long after it
	 * expired), as failed with {@code no-outcome}, and lets the policy decide again.
	 * @param commandId the command
	 * @return whether it was still waiting
	 */
	@Transactional
	public boolean giveUp(UUID commandId) {
		return settle(
				new CutoffPolicy.Outcome(commandId, TrackedCommand.Status.FAILED, "no-outcome", null, null, null));
	}

	private boolean settle(CutoffPolicy.Outcome outcome) {
		Optional<CommandRecord> command = this.commands.find(outcome.commandId());
		if (command.isEmpty()) {
			return false;
		}
		String premiseId = command.get().premiseId();
		Workspace work = this.workspaces.open(List.of(premiseId));
		if (!this.commands.settle(outcome.commandId(), outcome.status(), outcome.failureCode(), this.clock.instant())) {
			return false;
		}
		StoredState stored = work.policyState(premiseId);
		Optional<Decision> decision = this.cutoffs.onOutcome(premiseId, this.store.policyFor(premiseId),
				stored.policy(), outcome, work.balance(premiseId));
		decision.ifPresent((d) -> this.enforcement.apply(work, premiseId, d,
				new StoredState(d.next(), stored.reconciliation()), PolicyEnforcement.REQUESTED_BY));
		this.workspaces.flush(work);
		return true;
	}

}
