package eco.qubeprepaid.balance.ledger.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eco.qubeprepaid.balance.ledger.domain.Accounts;
import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.domain.Onboarding;
import eco.qubeprepaid.balance.metering.persistence.MeteringStore.BilledInterval;
import eco.qubeprepaid.balance.metering.persistence.MeteringStore.HeldReading;
import eco.qubeprepaid.balance.metering.persistence.MeteringStore.MeterState;
import eco.qubeprepaid.balance.metering.persistence.MeteringStore.Quarantine;
import eco.qubeprepaid.balance.policy.persistence.CommandStore.CommandRecord;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore.Notice;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore.StoredState;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.pricing.persistence.TariffStore.SegmentKey;
import eco.qubeprepaid.events.DomainEvent;

/**
 * The unit of work of one database transaction over a set of premises whose wallets it
 * holds locked: their state is read in bulk (once per kind, when first needed), every
 * movement of the transaction is applied to it in memory, and the writes are collected
 * and written in bulk by {@link Workspaces#flush} at the end. Billing a batch of
 * snapshots this way costs a handful of round trips instead of about fifteen per
 * snapshot, and the logic of one movement is the same for a batch of one.
 * <p>
 * What the database guarantees is unchanged: the wallet locks keep each premise's
 * movements serial, the unique keys still refuse a duplicate effect (a duplicate fails
 * the transaction instead of being skipped), and everything commits together or not at
 * all. Not thread-safe: one transaction, one thread.
 */
public final class Workspace {

	private final Workspaces loader;

	private final Set<String> premises;

	private Map<String, Long> balances;

	private Map<String, MeterState> meterStates;

	private Map<String, StoredState> policyStates;

	private final Map<String, Set<String>> rungsAtLoad = new HashMap<>();

	private final Map<String, Set<String>> rungsOnRecord = new HashMap<>();

	private final Map<SegmentKey, SegmentTotals> segments = new HashMap<>();

	private final Set<SegmentKey> segmentsRead = new HashSet<>();

	private final Set<String> postingKeysChecked = new HashSet<>();

	private final Set<String> postingKeysTaken = new HashSet<>();

	final List<LedgerPosting> postings = new ArrayList<>();

	final List<BilledInterval> intervals = new ArrayList<>();

	final List<Quarantine> quarantines = new ArrayList<>();

	final List<HeldReading> held = new ArrayList<>();

	final List<Onboarding> onboardings = new ArrayList<>();

	final List<CommandRecord> commands = new ArrayList<>();

	final List<DomainEvent> events = new ArrayList<>();

	final Map<String, MeterState> changedMeterStates = new LinkedHashMap<>();

	final Map<SegmentKey, SegmentTotals> changedSegments = new LinkedHashMap<>();

	final Map<String, StoredState> changedPolicyStates = new LinkedHashMap<>();

	private final Map<String, Map<String, Notice>> noticesAdded = new HashMap<>();

	Workspace(Workspaces loader, Collection<String> premises) {
		this.loader = loader;
		this.premises = Set.copyOf(premises);
	}

	/**
	 * @return the premises whose wallets this transaction holds
	 */
	public Set<String> premises() {
		return this.premises;
	}

	/**
	 * The wallet balance, including this transaction's postings.
	 * @param premiseId a premise of this workspace
	 * @return the balance in paise
	 */
	public long balance(String premiseId) {
		requireLocked(premiseId);
		if (this.balances == null) {
			this.balances = new HashMap<>(this.loader.loadBalances(this.premises));
		}
		return this.balances.getOrDefault(premiseId, 0L);
	}

	/**
	 * Adds a posting unless its idempotency key is taken. An energy posting's key derives
	 * from the snapshot's event id, which {@code processed_events} has just made unique;
	 * every other key must have been checked against the ledger first
	 * ({@link #checkPostingKeys}).
	 * @param posting the posting
	 * @return whether it was added
	 */
	public boolean post(LedgerPosting posting) {
		requireLocked(posting.premiseId());
		String key = posting.idempotencyKey();
		if (posting.kind() != LedgerPosting.Kind.ENERGY && !this.postingKeysChecked.contains(key)) {
			throw new IllegalStateException("posting " + key + " was not checked against the ledger");
		}
		if (!this.postingKeysTaken.add(key)) {
			return false;
		}
		long balance = balance(posting.premiseId());
		String wallet = Accounts.wallet(posting.premiseId());
		for (LedgerPosting.Entry entry : posting.entries()) {
			if (entry.accountId().equals(wallet)) {
				// The wallet is a liability: a debit entry lowers the balance.
				balance = Math.subtractExact(balance, entry.amountPaise());
			}
		}
		this.balances.put(posting.premiseId(), balance);
		this.postings.add(posting);
		return true;
	}

	/**
	 * Reads which of these posting keys the ledger has, in one round trip.
	 * @param keys idempotency keys this transaction may post
	 */
	public void checkPostingKeys(Collection<String> keys) {
		List<String> unchecked = keys.stream().filter((key) -> !this.postingKeysChecked.contains(key)).toList();
		if (!unchecked.isEmpty()) {
			this.postingKeysTaken.addAll(this.loader.loadPostedKeys(unchecked));
			this.postingKeysChecked.addAll(unchecked);
		}
	}

	/**
	 * @param premiseId a premise of this workspace
	 * @return its meter state, if it has been read before
	 */
	public Optional<MeterState> meterState(String premiseId) {
		requireLocked(premiseId);
		if (this.meterStates == null) {
			this.meterStates = new HashMap<>(this.loader.loadMeterStates(this.premises));
		}
		return Optional.ofNullable(this.meterStates.get(premiseId));
	}

	/**
	 * @param premiseId a premise of this workspace
	 * @param state its new meter state
	 */
	public void saveMeterState(String premiseId, MeterState state) {
		meterState(premiseId);
		this.meterStates.put(premiseId, state);
		this.changedMeterStates.put(premiseId, state);
	}

	/**
	 * Reads the totals of segments this transaction is expected to need, in one round
	 * trip.
	 * @param keys the segments
	 */
	public void readSegments(Collection<SegmentKey> keys) {
		List<SegmentKey> unread = keys.stream().filter((key) -> !this.segmentsRead.contains(key)).toList();
		if (!unread.isEmpty()) {
			this.segments.putAll(this.loader.loadSegments(unread));
			this.segmentsRead.addAll(unread);
		}
	}

	/**
	 * @param key a segment of a premise of this workspace
	 * @return its totals (read now if {@link #readSegments} did not foresee it)
	 */
	public SegmentTotals segment(SegmentKey key) {
		requireLocked(key.premiseId());
		readSegments(List.of(key));
		return this.segments.getOrDefault(key, SegmentTotals.EMPTY);
	}

	/**
	 * @param key a segment
	 * @param totals its new totals
	 */
	public void saveSegment(SegmentKey key, SegmentTotals totals) {
		requireLocked(key.premiseId());
		this.segments.put(key, totals);
		this.segmentsRead.add(key);
		this.changedSegments.put(key, totals);
	}

	/**
	 * @param interval a billed interval to record
	 */
	public void recordInterval(BilledInterval interval) {
		this.intervals.add(interval);
	}

	/**
	 * @param quarantine a reading refused for billing
	 */
	public void quarantine(Quarantine quarantine) {
		this.quarantines.add(quarantine);
	}

	/**
	 * @param reading a reading held with an unresolved quarantined reading
	 */
	public void hold(HeldReading reading) {
		this.held.add(reading);
	}

	/**
	 * @param onboarding the audit record of a premise's first reading
	 */
	public void recordOnboarding(Onboarding onboarding) {
		requireLocked(onboarding.premiseId());
		this.onboardings.add(onboarding);
	}

	/**
	 * Records a device command this service requested (its audit and the source of
	 * re-asks), in this transaction.
	 * @param command the command
	 */
	public void recordCommand(CommandRecord command) {
		requireLocked(command.premiseId());
		this.commands.add(command);
	}

	/**
	 * Appends an event to the outbox, in this transaction.
	 * @param event the event
	 */
	public void publish(DomainEvent event) {
		this.events.add(event);
	}

	/**
	 * A premise's policy and reconciliation state; its crossed rungs are the rungs with a
	 * notice on record.
	 * @param premiseId a premise of this workspace
	 * @return the state
	 */
	public StoredState policyState(String premiseId) {
		requireLocked(premiseId);
		if (this.policyStates == null) {
			this.policyStates = new HashMap<>(this.loader.loadPolicyStates(this.premises));
			this.policyStates.forEach((premise, stored) -> {
				this.rungsAtLoad.put(premise, Set.copyOf(stored.policy().crossedRungs()));
				this.rungsOnRecord.put(premise, new HashSet<>(stored.policy().crossedRungs()));
			});
		}
		return this.policyStates.get(premiseId);
	}

	/**
	 * Records a rung crossing unless one is on record (until it is re-armed).
	 * @param notice the crossing
	 * @return whether it was recorded now (and so must be notified)
	 */
	public boolean recordCrossing(Notice notice) {
		policyState(notice.premiseId());
		if (!this.rungsOnRecord.get(notice.premiseId()).add(notice.rung())) {
			return false;
		}
		this.noticesAdded.computeIfAbsent(notice.premiseId(), (premise) -> new HashMap<>()).put(notice.rung(), notice);
		return true;
	}

	/**
	 * Saves a premise's state. Rungs on record that the new state no longer counts as
	 * crossed are re-armed (their notice rows go).
	 * @param premiseId a premise of this workspace
	 * @param next the new state
	 */
	public void savePolicyState(String premiseId, StoredState next) {
		policyState(premiseId);
		Set<String> onRecord = this.rungsOnRecord.get(premiseId);
		onRecord.retainAll(next.policy().crossedRungs());
		Map<String, Notice> added = this.noticesAdded.get(premiseId);
		if (added != null) {
			added.keySet().retainAll(onRecord);
		}
		StoredState saved = new StoredState(next.policy().withCrossedRungs(onRecord), next.reconciliation());
		this.policyStates.put(premiseId, saved);
		this.changedPolicyStates.put(premiseId, saved);
	}

	/**
	 * @return the rungs re-armed in this transaction, by premise
	 */
	Map<String, Set<String>> rungsRemoved() {
		Map<String, Set<String>> removed = new HashMap<>();
		this.rungsAtLoad.forEach((premiseId, atLoad) -> {
			Set<String> gone = new HashSet<>(atLoad);
			gone.removeAll(this.rungsOnRecord.get(premiseId));
			if (!gone.isEmpty()) {
				removed.put(premiseId, gone);
			}
		});
		return removed;
	}

	/**
	 * @return the crossings recorded in this transaction and still on record
	 */
	List<Notice> noticesAdded() {
		return this.noticesAdded.values().stream().flatMap((byRung) -> byRung.values().stream()).toList();
	}

	private void requireLocked(String premiseId) {
		if (!this.premises.contains(premiseId)) {
			throw new IllegalStateException("premise " + premiseId + " is not locked by this transaction");
		}
	}

}
