package eco.qubeprepaid.balance.policy.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.errors.UnknownPremiseException;
import eco.qubeprepaid.balance.ledger.application.Wallets;
import eco.qubeprepaid.balance.policy.domain.OverrideEntry;
import eco.qubeprepaid.balance.policy.domain.PolicyState;
import eco.qubeprepaid.balance.policy.domain.PremisePolicy;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.balance.policy.domain.Decision;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.balance.policy.domain.StoredState;
import eco.qubeprepaid.balance.policy.domain.CommandRecord;
import eco.qubeprepaid.balance.work.PremiseLocks;
import eco.qubeprepaid.balance.work.ProcessedEvents;
import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.balance.work.UnitsOfWork;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relay commands from outside the automatic policy: an operator forcing the relay (sent
 * and audited in one transaction) and the poller's reports of what became of a command,
 * after which the policy decides again; and where a premise's relay stands.
 */
@Service
public class RelayOperations {

	private final PolicyEnforcement enforcement;

	private final PolicyRepository store;

	private final CommandRepository commands;

	private final ProcessedEvents processed;

	private final PremiseLocks premises;

	private final UnitsOfWork units;

	private final CutoffPolicy cutoffs;

	private final Clock clock;

	public RelayOperations(PolicyEnforcement enforcement, PolicyRepository store, CommandRepository commands,
			ProcessedEvents processed, PremiseLocks premises, UnitsOfWork units, CutoffPolicy cutoffs, Clock clock) {
		this.enforcement = enforcement;
		this.store = store;
		this.commands = commands;
		this.processed = processed;
		this.premises = premises;
		this.units = units;
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
	 * @throws UnknownPremiseException if the service has never seen the premise
	 */
	@Transactional
	public UUID force(String premiseId, boolean relayOn, String operator, String reason) {
		this.premises.requireKnown(premiseId);
		UnitOfWork work = this.units.open(List.of(premiseId));
		UUID commandId = UUID.randomUUID();
		StoredState stored = work.part(PolicyStates.class).state(premiseId);
		Decision decision = this.cutoffs.onOperator(this.store.policyFor(premiseId), stored.policy(), relayOn,
				commandId, "operator: " + reason, work.part(Wallets.class).balance(premiseId));
		this.store.audit(premiseId, relayOn, operator, reason, commandId, this.clock.instant());
		this.enforcement.apply(work, premiseId, decision, new StoredState(decision.next(), stored.reconciliation()),
				"operator:" + operator);
		this.units.flush(work);
		return commandId;
	}

	/**
	 * Where a premise's relay stands.
	 * @param premiseId a premise
	 * @param audit the most commands and forced switches to return
	 * @return its policy state, policy, newest commands and forced switches
	 * @throws UnknownPremiseException if the service has never seen the premise
	 */
	@Transactional(readOnly = true)
	public RelayStatus status(String premiseId, int audit) {
		this.premises.requireKnown(premiseId);
		return new RelayStatus(this.store.load(premiseId).policy(), this.store.policyFor(premiseId),
				this.commands.ofPremise(premiseId, audit), this.store.overrides(premiseId, audit));
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
		if (!this.processed.markProcessed(eventId, eventType.token())) {
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
		UnitOfWork work = this.units.open(List.of(premiseId));
		if (!this.commands.settle(outcome.commandId(), outcome.status(), outcome.failureCode(), this.clock.instant())) {
			return false;
		}
		StoredState stored = work.part(PolicyStates.class).state(premiseId);
		Optional<Decision> decision = this.cutoffs.onOutcome(premiseId, this.store.policyFor(premiseId),
				stored.policy(), outcome, work.part(Wallets.class).balance(premiseId));
		decision.ifPresent((d) -> this.enforcement.apply(work, premiseId, d,
				new StoredState(d.next(), stored.reconciliation()), PolicyEnforcement.REQUESTED_BY));
		this.units.flush(work);
		return true;
	}

	/**
	 * Where a premise's relay stands.
	 *
	 * @param state its policy state
	 * @param policy the policy in force for it
	 * @param commands the device commands requested for it, newest first
	 * @param overrides the operators' forced switches, newest first
	 */
	public record RelayStatus(PolicyState state, PremisePolicy policy, List<CommandRecord> commands,
			List<OverrideEntry> overrides) {
	}

}
