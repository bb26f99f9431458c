package eco.qubeprepaid.balance.policy.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.application.Workspace;
import eco.qubeprepaid.balance.ledger.application.Workspaces;
import eco.qubeprepaid.balance.ledger.persistence.LedgerStore;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.balance.policy.domain.PolicyState;
import eco.qubeprepaid.balance.policy.domain.RelayCommand;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore.StoredState;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.EventType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relay commands from outside the automatic policy: an operator forcing the relay (sent
 * and audited in one transaction) and the poller's reports of what became of a command.
 */
@Service
public class RelayOperations {

	private final PolicyEnforcement enforcement;

	private final PolicyStore store;

	private final LedgerStore ledger;

	private final Workspaces workspaces;

	private final CutoffPolicy cutoffs;

	private final Clock clock;

	public RelayOperations(PolicyEnforcement enforcement, PolicyStore store, LedgerStore ledger, Workspaces workspaces,
			CutoffPolicy cutoffs, Clock clock) {
		this.enforcement = enforcement;
		this.store = store;
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
		PolicyState next = this.cutoffs.onOperator(this.store.policyFor(premiseId), stored.policy(), relayOn, commandId,
				work.balance(premiseId));
		this.store.audit(premiseId, relayOn, operator, reason, commandId, this.clock.instant());
		this.enforcement.requestCommand(work, premiseId, commandId,
				relayOn ? DeviceCommand.RELAY_ON : DeviceCommand.RELAY_OFF, null, "operator: " + reason,
				"operator:" + operator);
		work.savePolicyState(premiseId, new StoredState(next, stored.reconciliation()));
		this.workspaces.flush(work);
		return commandId;
	}

	/**
	 * Records the outcome of a command, once per result event; outcomes of commands this
	 * service no longer tracks (superseded, or requested by another service) change
	 * nothing.
	 * @param eventId the result event's id
	 * @param eventType its type
	 * @param commandId the command
	 * @param status the outcome
	 * @param relayOnReadBack the relay state read back, or {@code null}
	 * @return whether the outcome was recorded against a tracked command
	 */
	@Transactional
	public boolean recordOutcome(UUID eventId, EventType eventType, UUID commandId, RelayCommand.Status status,
			Boolean relayOnReadBack) {
		if (!this.ledger.markProcessed(eventId, eventType.token())) {
			return false;
		}
		Optional<String> premise = this.store.premiseOfCommand(commandId);
		if (premise.isEmpty()) {
			return false;
		}
		String premiseId = premise.get();
		Workspace work = this.workspaces.open(List.of(premiseId));
		StoredState stored = work.policyState(premiseId);
		RelayCommand last = stored.policy().lastCommand();
		if (last == null || !last.commandId().equals(commandId)) {
			return false;
		}
		work.savePolicyState(premiseId,
				new StoredState(stored.policy().withOutcome(status, relayOnReadBack), stored.reconciliation()));
		this.workspaces.flush(work);
		return true;
	}

}
