package eco.qubeprepaid.balance.policy.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.application.BilledEnergy;
import eco.qubeprepaid.balance.ledger.application.LedgerMetrics;
import eco.qubeprepaid.balance.ledger.application.SnapshotApplied;
import eco.qubeprepaid.balance.ledger.application.SnapshotOutcome;
import eco.qubeprepaid.balance.ledger.application.WalletCredited;
import eco.qubeprepaid.balance.ledger.application.WalletDebited;
import eco.qubeprepaid.balance.ledger.application.Wallets;
import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.policy.domain.CommandRequest;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.balance.policy.domain.Decision;
import eco.qubeprepaid.balance.policy.domain.EnforcementMode;
import eco.qubeprepaid.balance.policy.domain.FriendlyWindows;
import eco.qubeprepaid.balance.policy.domain.MeterCredits;
import eco.qubeprepaid.balance.policy.domain.Observation;
import eco.qubeprepaid.balance.policy.domain.PolicyState;
import eco.qubeprepaid.balance.policy.domain.PremisePolicy;
import eco.qubeprepaid.balance.policy.domain.Reconciliation;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceDriftDetected;
import eco.qubeprepaid.events.CutoffScheduled;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.LowBalanceReached;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.SupplyRestoreOverdue;
import eco.qubeprepaid.balance.policy.domain.StoredState;
import eco.qubeprepaid.balance.policy.domain.Notice;
import eco.qubeprepaid.balance.policy.domain.CommandRecord;
import eco.qubeprepaid.service.time.Ist;
import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.balance.work.UnitsOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the cut-off policy, the restore and reconciliation after every wallet
 * movement: it subscribes to the ledger's in-transaction notifications
 * ({@link SnapshotApplied}, {@link WalletCredited}), which arrive synchronously inside
 * the ledger's transaction and under the premise's lock, loads the premise's policy and
 * its own part of the unit of work ({@link PolicyStates}), lets the domain decide, and
 * records the new state, the commands (with their audit rows) and the outbox rows of the
 * notices and commands in that same transaction. What it reads of the ledger is the
 * ledger's application API ({@link Wallets}): the balance, and a credit it finds on the
 * meter, posted as the ledger's own posting.
 */
@Service
public class PolicyEnforcement {

	/** Who the policy's commands are requested by. */
	public static final String REQUESTED_BY = "balance-service";

	/** The reason of a balance set that keeps the meter in step with the ledger. */
	public static final String REASON_RECONCILIATION = "reconciliation";

	/** The reason of a balance set that brings a credit to the meter. */
	public static final String REASON_CREDIT = "credit-to-meter";

	/** The reason of a balance set that brings a refund or a debit to the meter. */
	public static final String REASON_DEBIT = "debit-to-meter";

	private static final Logger log = LoggerFactory.getLogger(PolicyEnforcement.class);

	private final PolicyRepository store;

	private final UnitsOfWork units;

	private final CutoffPolicy cutoffs;

	private final Reconciliation reconciliation;

	private final MeterCredits meterCredits;

	private final PolicyMetrics metrics;

	private final LedgerMetrics ledgerMetrics;

	private final Clock clock;

	private final CommandRepository commands;

	public PolicyEnforcement(PolicyRepository store, CommandRepository commands, UnitsOfWork units,
			CutoffPolicy cutoffs, Reconciliation reconciliation, MeterCredits meterCredits, PolicyMetrics metrics,
			LedgerMetrics ledgerMetrics, Clock clock) {
		this.store = store;
		this.commands = commands;
		this.units = units;
		this.cutoffs = cutoffs;
		this.reconciliation = reconciliation;
		this.meterCredits = meterCredits;
		this.metrics = metrics;
		this.ledgerMetrics = ledgerMetrics;
		this.clock = clock;
	}

	/**
	 * Decides after a snapshot was applied, in its transaction.
	 * @param applied the ledger's notification
	 */
	@EventListener
	public void onSnapshotApplied(SnapshotApplied applied) {
		UnitOfWork work = applied.work();
		DeviceSnapshotted snapshot = applied.snapshot();
		SnapshotOutcome outcome = applied.outcome();
		BilledEnergy billed = applied.billed();
		if (outcome == SnapshotOutcome.FUTURE) {
			return;
		}
		String premiseId = snapshot.premiseId();
		PremisePolicy policy = this.store.policyFor(premiseId);
		StoredState stored = work.part(PolicyStates.class).state(premiseId);
		PolicyState state = stored.policy();
		Observation observation = new Observation(snapshot.observedAt().toInstant(), snapshot.online(),
				snapshot.relayOn(), snapshot.balancePaise(), snapshot.mode(), snapshot.hasRelay());
		// Only a reading the ledger has just caught up with can be compared with it: an
		// offline, out-of-order or quarantined reading describes another moment.
		boolean comparable = (outcome == SnapshotOutcome.BILLED || outcome == SnapshotOutcome.BASELINE)
				&& snapshot.online() && snapshot.balancePaise() != null;
		if (comparable) {
			state = creditFromOutside(work, snapshot, state, billed);
		}
		long balance = work.part(Wallets.class).balance(premiseId);
		Decision decision = this.cutoffs.onSnapshot(premiseId, policy, state, observation, balance,
				outcome == SnapshotOutcome.BASELINE);
		Reconciliation.State reconciled = stored.reconciliation();
		// The first reading opens the wallet from the meter and sends the meter nothing.
		if (comparable && outcome == SnapshotOutcome.BILLED) {
			Reconciliation.Outcome checked = reconcile(work, snapshot, policy, reconciled, balance);
			reconciled = checked.next();
			if (checked.setBalancePaise().isPresent() && decision.balanceSet().isEmpty()
					&& (decision.next().balanceCommand() == null || !decision.next().balanceCommand().inFlight())) {
				decision = this.cutoffs.withBalanceSet(premiseId, decision, checked.setBalancePaise().getAsLong(),
						REASON_RECONCILIATION);
				this.metrics.balanceSyncRequested();
			}
		}
		apply(work, premiseId, decision, new StoredState(decision.next(), reconciled), REQUESTED_BY);
	}

	/**
	 * Restores and brings the credit to the meter after a top-up, in its transaction.
	 * @param credited the ledger's notification
	 */
	@EventListener
	public void onWalletCredited(WalletCredited credited) {
		UnitOfWork work = credited.work();
		String premiseId = credited.premiseId();
		long amountPaise = credited.amountPaise();
		long balance = work.part(Wallets.class).balance(premiseId);
		StoredState stored = work.part(PolicyStates.class).state(premiseId);
		PremisePolicy policy = this.store.policyFor(premiseId);
		Decision decision = this.cutoffs.onCredit(premiseId, policy, stored.policy(), amountPaise, balance,
				this.clock.instant());
		decision = balanceToMeter(premiseId, policy, decision, balance, REASON_CREDIT);
		apply(work, premiseId, decision, new StoredState(decision.next(), stored.reconciliation()), REQUESTED_BY);
	}

	/**
	 * Brings the meter down to the new balance after a refund or an operator's debit, in
	 * its transaction, and cuts if the balance fell below the line.
	 * @param debited the ledger's notification
	 */
	@EventListener
	public void onWalletDebited(WalletDebited debited) {
		UnitOfWork work = debited.work();
		String premiseId = debited.premiseId();
		long balance = work.part(Wallets.class).balance(premiseId);
		StoredState stored = work.part(PolicyStates.class).state(premiseId);
		PremisePolicy policy = this.store.policyFor(premiseId);
		Decision decision = this.cutoffs.onDebit(premiseId, policy, stored.policy(), balance);
		decision = balanceToMeter(premiseId, policy, decision, balance, REASON_DEBIT);
		apply(work, premiseId, decision, new StoredState(decision.next(), stored.reconciliation()), REQUESTED_BY);
	}

	/**
	 * The policy job's turn for one premise: executes a scheduled cut-off if it is due
	 * and still owed, keeps an owed supply being asked for, and reports it once overdue.
	 * @param premiseId the premise
	 */
	@Transactional
	public void runScheduled(String premiseId) {
		UnitOfWork work = this.units.open(List.of(premiseId));
		StoredState stored = work.part(PolicyStates.class).state(premiseId);
		Decision decision = this.cutoffs.onTick(premiseId, this.store.policyFor(premiseId), stored.policy(),
				work.part(Wallets.class).balance(premiseId));
		apply(work, premiseId, decision, new StoredState(decision.next(), stored.reconciliation()), REQUESTED_BY);
		this.units.flush(work);
	}

	/**
	 * Asks the poller again for a command whose outcome did not come in time: the same
	 * command (id, sequence, expiry) under a new event id, so the poller applies it at
	 * most once whether or not it had it.
	 * @param command the waiting command
	 * @return whether it was still waiting and was asked again
	 */
	@Transactional
	public boolean reask(CommandRecord command) {
		Instant now = this.clock.instant();
		if (!now.isBefore(command.expiresAt())) {
			return false;
		}
		UnitOfWork work = this.units.open(List.of(command.premiseId()));
		if (!this.commands.askedAgain(command.commandId(), now)) {
			return false;
		}
		work.publish(new DeviceCommandRequested(UUID.randomUUID(), now, command.premiseId(), command.commandId(),
				command.command(), command.balancePaise(), command.reason(), command.requestedBy(), command.expiresAt(),
				command.sequence(), command.expectedMeterBalancePaise()));
		this.units.flush(work);
		this.metrics.commandChased("re-asked");
		log.info("No outcome yet for command {} {} of {} (asked {} time(s)); asked again", command.commandId(),
				command.command(), command.premiseId(), command.asks());
		return true;
	}

	/**
	 * Carries out a decision in the workspace's transaction: notices, commands (outbox
	 * row and audit row each), deferral and overdue reports, the new state.
	 * @param work the transaction's unit of work
	 * @param premiseId the premise
	 * @param decision the decision
	 * @param next the state to store
	 * @param requestedBy who the commands are requested by
	 */
	void apply(UnitOfWork work, String premiseId, Decision decision, StoredState next, String requestedBy) {
		Instant now = this.clock.instant();
		PolicyStates states = work.part(PolicyStates.class);
		long balance = work.part(Wallets.class).balance(premiseId);
		for (Decision.LowBalanceNotice notice : decision.notices()) {
			// The notice on record is the guard of exactly-once (its primary key the
			// database's).
			if (states.recordCrossing(
					new Notice(premiseId, notice.rung(), notice.thresholdPaise(), notice.balancePaise(), now))) {
				work.publish(new LowBalanceReached(UUID.randomUUID(), now, premiseId, notice.rung(),
						notice.thresholdPaise(), notice.balancePaise()));
				this.metrics.lowBalance(notice.rung());
			}
		}
		for (CommandRequest command : decision.commands()) {
			requestCommand(work, premiseId, command, requestedBy, now);
			if (command.command() == DeviceCommand.RELAY_ON && requestedBy.equals(REQUESTED_BY)) {
				this.metrics.restoreRequested();
			}
			else if (command.command() == DeviceCommand.RELAY_OFF && requestedBy.equals(REQUESTED_BY)) {
				this.metrics.cutoffRequested();
			}
		}
		PolicyState before = states.state(premiseId).policy();
		decision.deferral().ifPresent((deferral) -> {
			this.metrics.cutoffDeferred(deferral.reason());
			if (deferral.until() != null) {
				log.info("Cut-off of {} deferred by a friendly window, scheduled for {}", premiseId,
						deferral.until().atZone(Ist.ZONE));
			}
		});
		// Once per episode and time: the state remembers the time announced, and the id
		// derives from it.
		decision.announce(before).ifPresent((announcement) -> {
			work.publish(new CutoffScheduled(CutoffPolicy.announcementId(premiseId, announcement.episode(),
					announcement.scheduledFor(), announcement.previously()), now, premiseId,
					announcement.scheduledFor(), balance));
			log.info("Cut-off of {} (balance {} paise) announced for {}", premiseId, balance,
					announcement.scheduledFor().atZone(Ist.ZONE));
		});
		if (decision.overdue()) {
			PolicyState state = decision.next();
			String lastError = (state.relayCommand() != null) ? state.relayCommand().failureCode() : null;
			if (lastError == null && state.balanceCommand() != null) {
				lastError = state.balanceCommand().failureCode();
			}
			work.publish(new SupplyRestoreOverdue(UUID.randomUUID(), now, premiseId, state.supplyOwedSince(), balance,
					state.restoreRequests(), lastError));
			this.metrics.restoreOverdue();
			log.warn(
					"Supply of {} is owed since {} (balance {} paise) and still not seen on after {} request(s);"
							+ " last error {}",
					premiseId, state.supplyOwedSince().atZone(Ist.ZONE), balance, state.restoreRequests(), lastError);
		}
		PolicyState after = next.policy();
		if (before.supplyOwed() && !after.supplyOwed() && after.latest() != null
				&& Boolean.TRUE.equals(after.latest().relayOn())) {
			this.metrics.supplyRestored(Duration.between(before.supplyOwedSince(), now));
		}
		states.save(premiseId, next);
	}

	/**
	 * Brings a wallet movement to the meter: where the meter enforces itself the restore
	 * has asked for the balance already; otherwise the meter's display is set to the new
	 * balance (after any relay-on), unless it shows it already (within the sync
	 * threshold, and never less than the ledger where the meter enforces).
	 */
	private Decision balanceToMeter(String premiseId, PremisePolicy policy, Decision decision, long balance,
			String reason) {
		if (decision.balanceSet().isPresent()) {
			return decision;
		}
		PolicyState state = decision.next();
		Observation latest = state.latest();
		if (latest == null || latest.mode() == MeterMode.MEASUREMENT) {
			return decision;
		}
		long target = Math.max(0, balance);
		Long shown = state.meterBalanceCeiling();
		boolean enforcing = policy.effectiveMode(latest) == EnforcementMode.METER;
		if (shown != null && Math.abs(shown - target) <= this.reconciliation.syncThresholdPaise()
				&& !(enforcing && shown < target)) {
			return decision;
		}
		return this.cutoffs.withBalanceSet(premiseId, decision, target, reason);
	}

	/**
	 * Compares the reading with the meter balance expected from this service's side and
	 * posts any rise as a credit of the premise (money the tenant put on the meter
	 * through Qube's own gateway), so reconciliation never erases it.
	 */
	private PolicyState creditFromOutside(UnitOfWork work, DeviceSnapshotted snapshot, PolicyState state,
			BilledEnergy billed) {
		Instant observedAt = snapshot.observedAt().toInstant();
		boolean deducts = state.latest() != null && state.latest().meterEnforces();
		MeterCredits.Deduction deduction = (billed != null && deducts)
				? new MeterCredits.Deduction(billed.meterDeductionPaise(), billed.intervalStart())
				: MeterCredits.Deduction.none(observedAt);
		MeterCredits.Found found = this.meterCredits.compare(state,
				new MeterCredits.Reading(snapshot.balancePaise(), observedAt), deduction);
		if (found.creditPaise() > 0) {
			String premiseId = snapshot.premiseId();
			LedgerPosting posting = LedgerPosting.meterCredit(premiseId, snapshot.eventId().toString(),
					found.creditPaise(), snapshot.deviceId(), observedAt);
			Wallets wallets = work.part(Wallets.class);
			wallets.checkPostingKeys(List.of(posting.idempotencyKey()));
			if (wallets.post(posting)) {
				this.ledgerMetrics.credited(BalanceCredited.SOURCE_METER, found.creditPaise());
				work.publish(new BalanceCredited(UUID.randomUUID(), this.clock.instant(), premiseId,
						posting.idempotencyKey(), found.creditPaise(), wallets.balance(premiseId),
						BalanceCredited.SOURCE_METER));
				log.info("Credit of {} paise found on the meter of {} (recharged outside this system), credited",
						found.creditPaise(), premiseId);
			}
		}
		return found.next();
	}

	private Reconciliation.Outcome reconcile(UnitOfWork work, DeviceSnapshotted snapshot, PremisePolicy policy,
			Reconciliation.State state, long balance) {
		String premiseId = snapshot.premiseId();
		Reconciliation.Outcome outcome = this.reconciliation.check(state, balance, snapshot.balancePaise(),
				snapshot.observedAt().toInstant());
		this.metrics.reconciled(Math.abs(outcome.driftPaise()), outcome.driftDetected());
		if (outcome.driftDetected()) {
			work.publish(new BalanceDriftDetected(UUID.randomUUID(), this.clock.instant(), premiseId,
					snapshot.eventId(), balance, snapshot.balancePaise(), outcome.expectedMeterBalancePaise(),
					outcome.driftPaise(), this.reconciliation.driftThresholdPaise(),
					policy
						.effectiveMode(new Observation(snapshot.observedAt().toInstant(), snapshot.online(),
								snapshot.relayOn(), snapshot.balancePaise(), snapshot.mode(), snapshot.hasRelay()))
						.name(),
					snapshot.observedAt()));
		}
		return outcome;
	}

	/**
	 * Appends a command to the outbox and to the command audit.
	 * @param work the transaction's unit of work
	 * @param premiseId the premise
	 * @param command the command
	 * @param requestedBy who
	 * @param now when
	 */
	void requestCommand(UnitOfWork work, String premiseId, CommandRequest command, String requestedBy, Instant now) {
		work.publish(new DeviceCommandRequested(UUID.randomUUID(), now, premiseId, command.commandId(),
				command.command(), command.balancePaise(), command.reason(), requestedBy, command.expiresAt(),
				command.sequence(), command.expectedMeterBalancePaise()));
		work.part(PolicyStates.class)
			.recordCommand(CommandRecord.requested(command.commandId(), premiseId, command.command(),
					command.balancePaise(), command.expectedMeterBalancePaise(), command.reason(), requestedBy,
					command.sequence(), now, command.expiresAt()));
	}

}
