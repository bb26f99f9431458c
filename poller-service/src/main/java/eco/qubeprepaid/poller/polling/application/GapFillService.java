package eco.qubeprepaid.poller.polling.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.poller.qube.PollerProperties;
import eco.qubeprepaid.poller.qube.QubeClients;
import eco.qubeprepaid.poller.registry.domain.Premise;
import eco.qubeprepaid.qube.client.QubeApi;
import eco.qubeprepaid.qube.client.budget.Priority;
import eco.qubeprepaid.qube.client.model.HistoryInterval;
import eco.qubeprepaid.qube.client.model.HistoryReading;
import eco.qubeprepaid.service.time.Ist;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * Fills the gap the poller's own downtime left: for a premise whose last snapshot is
 * older than the freshness floor at start-up, reads E6 {@code energy} history in
 * 15-minute buckets for the missed range (HOUSEKEEPING priority) and publishes each
 * bucket-end reading after the last snapshot as a snapshot, in time order, before live
 * polling of that premise resumes. These snapshots carry only the energy register and the
 * bucket end ({@code online=false}, everything else {@code null}): history has no balance
 * or relay state at the bucket end, and inventing them would mislead the ledger.
 */
@Service
public class GapFillService {

	private final QubeClients clients;

	private final PollingService polling;

	private final SnapshotPublisher publisher;

	private final Clock clock;

	private final PollerProperties properties;

	private final Counter gapFillSnapshots;

	public GapFillService(QubeClients clients, PollingService polling, SnapshotPublisher publisher, Clock clock,
			PollerProperties properties, MeterRegistry meters) {
		this.clients = clients;
		this.polling = polling;
		this.publisher = publisher;
		this.clock = clock;
		this.properties = properties;
		this.gapFillSnapshots = Counter.builder("poller.gapfill.snapshots")
			.description("Snapshots published from E6 history after the poller's own downtime")
			.register(meters);
	}

	/**
	 * Tells whether a premise's last snapshot is older than the freshness floor.
	 * @param premise the premise
	 * @param now the time
	 * @return true if a gap fill is due
	 */
	public boolean needsGapFill(Premise premise, Instant now) {
		return premise.last() != null
				&& premise.last().observedAt().isBefore(now.minus(this.properties.freshnessFloor()));
	}

	/**
	 * Publishes the missed bucket-end readings of one premise.
	 * @param premise the premise
	 * @return how many snapshots were published
	 */
	public int fill(Premise premise) {
		Instant now = this.clock.instant();
		Instant since = premise.last().observedAt();
		Instant earliest = now.minus(Duration.ofDays(this.properties.gapFillMaxDays() - 1L));
		if (since.isBefore(earliest)) {
			since = earliest;
		}
		LocalDate from = since.atZone(Ist.ZONE).toLocalDate();
		LocalDate to = now.atZone(Ist.ZONE).toLocalDate();
		QubeApi api = this.clients.client(premise.apiKeyName()).withPriority(Priority.HOUSEKEEPING);
		Instant after = since;
		List<HistoryReading> readings = api
			.history(premise.deviceId(), "energy", from, to, HistoryInterval.FIFTEEN_MINUTES)
			.readings()
			.stream()
			.filter((r) -> r.value() != null && r.timestamp().toInstant().isAfter(after)
					&& !r.timestamp().toInstant().isAfter(now))
			.sorted(Comparator.comparing((HistoryReading r) -> r.timestamp().toInstant()))
			.toList();
		Premise current = premise;
		for (HistoryReading reading : readings) {
			Instant at = reading.timestamp().toInstant();
			current = this.polling.record(current, reading.value(), current.last().balancePaise(), false, at);
			DeviceSnapshotted snapshot = Snapshots.historical(current, reading.value(),
					at.atZone(Ist.ZONE).toOffsetDateTime(), this.clock.instant());
			this.publisher.publish(snapshot);
			this.gapFillSnapshots.increment();
		}
		return readings.size();
	}

}
