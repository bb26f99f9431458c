package eco.qubeprepaid.balance.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.balance.ledger.persistence.LedgerStore;
import eco.qubeprepaid.balance.metering.persistence.MeteringStore;
import eco.qubeprepaid.balance.metering.persistence.MeteringStore.MeterState;
import eco.qubeprepaid.balance.policy.persistence.CommandStore;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore;
import eco.qubeprepaid.balance.policy.persistence.PolicyStore.StoredState;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.pricing.persistence.TariffStore;
import eco.qubeprepaid.balance.pricing.persistence.TariffStore.SegmentKey;
import eco.qubeprepaid.service.outbox.Outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens {@link Workspace}s (locking the premises' wallets) and writes what they
 * collected, table by table in one statement each, in the caller's transaction.
 */
@Component
public class Workspaces {

	private final LedgerStore ledger;

	private final MeteringStore meters;

	private final TariffStore tariffs;

	private final PolicyStore policies;

	private final CommandStore commands;

	private final Outbox outbox;

	private final Clock clock;

	public Workspaces(LedgerStore ledger, MeteringStore meters, TariffStore tariffs, PolicyStore policies,
			CommandStore commands, Outbox outbox, Clock clock) {
		this.commands = commands;
		this.ledger = ledger;
		this.meters = meters;
		this.tariffs = tariffs;
		this.policies = policies;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Opens the premises' wallets if needed and locks them for the rest of the
	 * transaction.
	 * @param premiseIds the premises
	 * @return the workspace
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Workspace open(Collection<String> premiseIds) {
		this.ledger.lockWallets(premiseIds);
		return new Workspace(this, premiseIds);
	}

	/**
	 * Writes the workspace's changes. Postings go first (their entries need their
	 * transactions), the outbox last, so the events' order is the order they were
	 * published in.
	 * @param work the workspace
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void flush(Workspace work) {
		Instant now = now();
		this.ledger.postAll(work.postings);
		this.ledger.recordOnboardings(work.onboardings, now);
		this.meters.recordConsumption(work.intervals);
		this.meters.quarantine(work.quarantines);
		this.meters.hold(work.held);
		this.tariffs.saveSegments(work.changedSegments);
		this.meters.save(work.changedMeterStates, now);
		this.policies.save(work.changedPolicyStates, now);
		this.policies.writeNotices(work.rungsRemoved(), work.noticesAdded());
		this.commands.insert(work.commands);
		this.outbox.append(work.events);
	}

	Map<String, Long> loadBalances(Set<String> premiseIds) {
		return this.ledger.walletBalances(premiseIds);
	}

	Set<String> loadPostedKeys(Collection<String> keys) {
		return this.ledger.postedKeys(keys);
	}

	Map<String, MeterState> loadMeterStates(Set<String> premiseIds) {
		return this.meters.load(premiseIds);
	}

	Map<SegmentKey, SegmentTotals> loadSegments(Collection<SegmentKey> keys) {
		return this.tariffs.segments(keys);
	}

	Map<String, StoredState> loadPolicyStates(Set<String> premiseIds) {
		return this.policies.load(premiseIds);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
