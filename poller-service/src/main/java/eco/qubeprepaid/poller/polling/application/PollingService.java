package eco.qubeprepaid.poller.polling.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterOffline;
import eco.qubeprepaid.poller.qube.PollerProperties;
import eco.qubeprepaid.poller.qube.QubeClients;
import eco.qubeprepaid.poller.registry.domain.EpochReason;
import eco.qubeprepaid.poller.registry.domain.LastReading;
import eco.qubeprepaid.poller.registry.domain.OfflineEpisode;
import eco.qubeprepaid.poller.registry.domain.Premise;
import eco.qubeprepaid.poller.registry.domain.PremiseIdentity;
import eco.qubeprepaid.poller.registry.domain.PremiseRegistry;
import eco.qubeprepaid.qube.client.QubeApi;
import eco.qubeprepaid.qube.client.budget.Priority;
import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.DeviceMetrics;
import eco.qubeprepaid.service.time.Ist;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls one premise: one E4 read at POLL priority (E5 only if E4 left a field out and the
 * meter is online), the registry's last reading and epoch updated (a register drop starts
 * a new epoch in the same transaction), then a {@link DeviceSnapshotted} published keyed
 * by the premise. An offline meter still yields a snapshot, with {@code online=false} and
 * the last values the cloud holds.
 * <p>
 * Each live poll also keeps the meter's offline episode (history from a gap fill does
 * not): the first poll that finds it offline starts one, the next that finds it online
 * ends it, and an offline poll at least {@code qp.poller.offline-notice-after} after the
 * episode began publishes its one {@link MeterOffline} through the outbox, in the
 * transaction of the reading that marks it noticed.
 */
@Service
public class PollingService {

	private final QubeClients clients;

	private final PremiseRegistry registry;

	private final SnapshotPublisher publisher;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final DistributionSummary snapshotAge;

	private final MeterRegistry meters;

	private final Duration offlineNoticeAfter;

	private final Counter offlineNoticed;

	public PollingService(QubeClients clients, PremiseRegistry registry, SnapshotPublisher publisher,
			TransactionTemplate transactions, Clock clock, PollerProperties properties, MeterRegistry meters) {
		this.clients = clients;
		this.registry = registry;
		this.publisher = publisher;
		this.transactions = transactions;
		this.clock = clock;
		this.meters = meters;
		this.offlineNoticeAfter = properties.offlineNoticeAfter();
		this.offlineNoticed = Counter.builder("poller.meters.offline.noticed")
			.description("Meters found offline for longer than offline-notice-after (one MeterOffline per episode)")
			.register(meters);
		this.snapshotAge = DistributionSummary.builder("poller.snapshot.age")
			.baseUnit("seconds")
			.description("Seconds since the previous poll of the same meter, recorded at each poll")
			.publishPercentileHistogram()
			.minimumExpectedValue(1.0)
			.maximumExpectedValue(7200.0)
			.register(meters);
	}

	/**
	 * Polls a premise.
	 * @param premiseId the premise
	 * @return the snapshot published, empty if the premise is unknown
	 */
	public Optional<DeviceSnapshotted> poll(String premiseId) {
		Optional<Premise> found = this.registry.find(new PremiseIdentity(premiseId));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Premise premise = found.get();
		QubeApi api = this.clients.client(premise.apiKeyName()).withPriority(Priority.POLL);
		// The reading is stamped with the moment its read began, never when the answer
		// came back: the meter showed what it shows at some moment after this one, so a
		// read that a balance set of the command executor overtook (the set written and
		// read back while this answer was on its way) is stamped before that set's
		// read-back, and balance-service never takes the older balance for the newer
		// (which made it book the set as credit from outside the ledger).
		Instant now = this.clock.instant();
		DeviceDetails details;
		try {
			details = api.device(premise.deviceId());
		}
		catch (RuntimeException ex) {
			count("failed");
			throw ex;
		}
		DeviceMetrics metrics = Snapshots.needsMetrics(details) ? api.metrics(premise.deviceId()) : null;
		if (premise.last() != null) {
			this.snapshotAge.record(Math.max(0, Duration.between(premise.last().observedAt(), now).toSeconds()));
		}
		Premise current = recordLive(premise, Snapshots.energy(details), details.balance(), details.online(), now);
		DeviceSnapshotted snapshot = Snapshots.live(current, details, metrics, now,
				now.atZone(Ist.ZONE).toOffsetDateTime());
		this.publisher.publish(snapshot);
		count(details.online() ? "online" : "offline");
		return Optional.of(snapshot);
	}

	/**
	 * Stores a reading as the premise's last one, first starting a new epoch if the
	 * register dropped; both in one transaction.
	 * @param premise the premise as loaded
	 * @param energyKwh the register
	 * @param balancePaise the balance, may be {@code null}
	 * @param online whether the meter was online
	 * @param observedAt when it was read
	 * @return the premise with the reading, in its (possibly new) epoch
	 */
	Premise record(Premise premise, BigDecimal energyKwh, Long balancePaise, boolean online, Instant observedAt) {
		return this.transactions.execute((status) -> store(premise, energyKwh, balancePaise, online, observedAt));
	}

	/**
	 * Stores a live reading as {@link #record} does and, in the same transaction, the
	 * meter's offline episode, noticing it if it has lasted {@code offline-notice-after}.
	 */
	private Premise recordLive(Premise premise, BigDecimal energyKwh, Long balancePaise, boolean online,
			Instant observedAt) {
		Recorded recorded = this.transactions.execute((status) -> {
			Premise current = store(premise, energyKwh, balancePaise, online, observedAt);
			this.registry.recordPresence(premise.identity(), premise.deviceId(), online, observedAt);
			Optional<OfflineEpisode> noticed = online ? Optional.empty() : this.registry
				.noticeOffline(premise.identity(), observedAt.minus(this.offlineNoticeAfter), observedAt);
			return new Recorded(current, noticed.isPresent());
		});
		if (recorded.noticed()) {
			this.offlineNoticed.increment();
		}
		return recorded.premise();
	}

	private Premise store(Premise premise, BigDecimal energyKwh, Long balancePaise, boolean online,
			Instant observedAt) {
		Premise current = premise;
		if (current.registerDroppedTo(energyKwh)) {
			current = current.afterRegisterDrop();
			this.registry.startEpoch(current, EpochReason.REGISTER_DROP, observedAt);
		}
		current = current.withLast(new LastReading(energyKwh, balancePaise, online, observedAt));
		this.registry.saveLast(current);
		return current;
	}

	private record Recorded(Premise premise, boolean noticed) {
	}

	private void count(String outcome) {
		Counter.builder("poller.polls")
			.tag("outcome", outcome)
			.description("Meter polls by outcome")
			.register(this.meters)
			.increment();
	}

}
