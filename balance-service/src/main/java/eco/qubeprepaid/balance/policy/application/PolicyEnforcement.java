package eco.qubeprepaid.balance.policy.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.application.LedgerObserver;
import eco.qubeprepaid.balance.ledger.application.SnapshotOutcome;
import eco.qubeprepaid.balance.ledger.application.Workspace;
import eco.qubeprepaid.balance.ledger.application.Workspaces;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.balance.policy.domain.Decision;
import eco.qubeprepaid.balance.policy.domain.FriendlyWindows;
import eco.qubeprepaid.balance.policy.domain.Observation;
import eco.qubeprepaid.balance.policy.domain.PremisePolicy;
import eco.qubeprepaid.balance.policy.domain.Reconciliation;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore.Notice;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore.StoredState;
import eco.qubeprepaid.events.BalanceDriftDetected;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.LowBalanceReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the cut-off policy and reconciliation after every wallet movement, inside
 * the ledger's transaction and under its wallet lock: loads the premise's policy and
 * state, lets the domain decide, and writes the new state and the outbox rows of the
 * notices and commands in that same transaction.
 */
@Service
public class PolicyEnforcement implements LedgerObserver {

	/** Who the policy's commands are requested by. */
	public static final String REQUESTED_BY = "balance-service";

	private static final Logger log = LoggerFactory.getLogger(PolicyEnforcement.class);

	private final PolicyStore store;

	private final Workspaces workspaces;

	private final CutoffPolicy cutoffs;

	private final Reconciliation reconciliation;

	private final PolicyMetrics metrics;

	private final PolicyProperties properties;

	private final Clock clock;

	public PolicyEnforcement(PolicyStore store, Workspaces workspaces, CutoffPolicy cutoffs,
			Reconciliation reconciliation, PolicyMetrics metrics, PolicyProperties properties, Clock clock) {
		this.store = store;
		this.workspaces = workspaces;
		this.cutoffs = cutoffs;
		this.reconciliation = reconciliation;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void snapshotApplied(Workspace work, DeviceSnapshotted snapshot, SnapshotOutcome outcome) {
		String premiseId = snapshot.premiseId();
		long balance = work.balance(premiseId);
		PremisePolicy policy = this.store.policyFor(premiseId);
		StoredState stored = work.policyState(premiseId);
		Observation observation = new Observation(snapshot.observedAt().toInstant(), snapshot.online(),
				snapshot.relayOn(), snapshot.balancePaise());
		Decision decision = this.cutoffs.onSnapshot(premiseId, policy, stored.policy(), observation, balance);
		Reconciliation.State reconciled = stored.reconciliation();
		// Only a reading the ledger has just caught up with can be compared with it: an
		// offline, out-of-order or quarantined reading describes another moment.
		boolean comparable = (outcome == SnapshotOutcome.BILLED || outcome == SnapshotOutcome.BASELINE)
				&& snapshot.online() && snapshot.balancePaise() != null;
		if (comparable) {
			reconciled = reconcile(work, snapshot, policy, stored.reconciliation(), balance);
		}
		apply(work, premiseId, decision, new StoredState(decision.next(), reconciled));
	}

	@Override
	public void credited(Workspace work, String premiseId, long amountPaise) {
		long balance = work.balance(premiseId);
		StoredState stored = work.policyState(premiseId);
		Decision decision = this.cutoffs.onCredit(premiseId, this.store.policyFor(premiseId), stored.policy(),
				amountPaise, balance, this.clock.instant());
		apply(work, premiseId, decision, new StoredState(decision.next(), stored.reconciliation()));
	}

	/**
	 * Executes a scheduled cut-off if it is due and still owed (the periodic job).
	 * @param premiseId the premise
	 */
	@Transactional
	public void runScheduled(String premiseId) {
		Workspace work = this.workspaces.open(List.of(premiseId));
		StoredState stored = work.policyState(premiseId);
		Decision decision = this.cutoffs.onTick(premiseId, this.store.policyFor(premiseId), stored.policy(),
				work.balance(premiseId));
		apply(work, premiseId, decision, new StoredState(decision.next(), stored.reconciliation()));
		this.workspaces.flush(work);
	}

	private void apply(Workspace work, String premiseId, Decision decision, StoredState next) {
		Instant now = this.clock.instant();
		for (Decision.LowBalanceNotice notice : decision.notices()) {
			// The notice on record is the guard of exactly-once (its primary key the
			// database's).
			if (work.recordCrossing(
					new Notice(premiseId, notice.rung(), notice.thresholdPaise(), notice.balancePaise(), now))) {
				work.publish(new LowBalanceReached(UUID.randomUUID(), now, premiseId, notice.rung(),
						notice.thresholdPaise(), notice.balancePaise()));
				this.metrics.lowBalance(notice.rung());
			}
		}
		decision.relay().ifPresent((request) -> {
			requestCommand(work, premiseId, request.commandId(),
					request.relayOn() ? DeviceCommand.RELAY_ON : DeviceCommand.RELAY_OFF, null, request.reason(),
					REQUESTED_BY);
			if (request.relayOn()) {
				this.metrics.restoreRequested();
			}
			else {
				this.metrics.cutoffRequested();
			}
		});
		decision.deferral().ifPresent((deferral) -> {
			this.metrics.cutoffDeferred(deferral.reason());
			if (deferral.until() != null) {
				log.info("Cut-off of {} deferred by a friendly window, scheduled for {}", premiseId,
						deferral.until().atZone(FriendlyWindows.IST));
			}
		});
		work.savePolicyState(premiseId, next);
	}

	private Reconciliation.State reconcile(Workspace work, DeviceSnapshotted snapshot, PremisePolicy policy,
			Reconciliation.State state, long balance) {
		String premiseId = snapshot.premiseId();
		Reconciliation.Outcome outcome = this.reconciliation.check(state, balance, snapshot.balancePaise(),
				snapshot.observedAt().toInstant());
		this.metrics.reconciled(Math.abs(outcome.driftPaise()), outcome.driftDetected());
		if (outcome.driftDetected()) {
			work.publish(
					new BalanceDriftDetected(UUID.randomUUID(), this.clock.instant(), premiseId, snapshot.eventId(),
							balance, snapshot.balancePaise(), outcome.expectedMeterBalancePaise(), outcome.driftPaise(),
							this.reconciliation.driftThresholdPaise(), policy.mode().name(), snapshot.observedAt()));
		}
		outcome.setBalancePaise().ifPresent((target) -> {
			UUID commandId = UUID
				.nameUUIDFromBytes(("set-balance|" + snapshot.eventId()).getBytes(StandardCharsets.UTF_8));
			requestCommand(work, premiseId, commandId, DeviceCommand.SET_BALANCE, target, "reconciliation",
					REQUESTED_BY);
			this.metrics.balanceSyncRequested();
		});
		return outcome.next();
	}

	/**
	 * Appends a command to the outbox.
	 * @param work the transaction's workspace
	 * @param premiseId the premise
	 * @param commandId its id
	 * @param command what to do
	 * @param balancePaise the absolute balance for SET_BALANCE, else {@code null}
	 * @param reason why
	 * @param requestedBy who
	 */
	void requestCommand(Workspace work, String premiseId, UUID commandId, DeviceCommand command, Long balancePaise,
			String reason, String requestedBy) {
		Instant now = this.clock.instant();
		work.publish(new DeviceCommandRequested(UUID.randomUUID(), now, premiseId, commandId, command, balancePaise,
				reason, requestedBy, now.plus(this.properties.commandTtl())));
	}

}
