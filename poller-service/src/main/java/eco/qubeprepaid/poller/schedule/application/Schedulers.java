package eco.qubeprepaid.poller.schedule.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import eco.qubeprepaid.poller.qube.PollerProperties;
import eco.qubeprepaid.poller.qube.QubeClients;
import eco.qubeprepaid.poller.schedule.domain.LedgerBalance;
import eco.qubeprepaid.poller.schedule.domain.LedgerUpdate;
import eco.qubeprepaid.poller.schedule.domain.PollScheduler;
import eco.qubeprepaid.poller.schedule.domain.SchedulePolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The poll schedulers, one per API key, shared by the poll workers (which take the next
 * meter), discovery (which tracks the premises it finds) and the ledger's balance hints.
 * They are rebuilt empty at every start of the workers ({@link #reset()}); discovery
 * fills them from the registry. Registers the gauges {@code poller.schedule.meters} and
 * {@code poller.schedule.due}.
 */
@Component
public class Schedulers {

	private final PollerProperties properties;

	private final Clock clock;

	private final Map<String, PollScheduler> byKey = new ConcurrentHashMap<>();

	public Schedulers(QubeClients clients, PollerProperties properties, Clock clock, MeterRegistry meters) {
		this.properties = properties;
		this.clock = clock;
		for (String key : clients.keyNames()) {
			Gauge.builder("poller.schedule.meters", this, (s) -> s.of(key).map(PollScheduler::size).orElse(0))
				.tag("key", key)
				.description("Meters the scheduler of a key tracks")
				.register(meters);
			Gauge
				.builder("poller.schedule.due", this,
						(s) -> s.of(key).map((scheduler) -> scheduler.dueCount(this.clock.instant())).orElse(0))
				.tag("key", key)
				.description("Meters past their revisit interval: the poll queue depth")
				.register(meters);
		}
	}

	/**
	 * Replaces every key's scheduler by an empty one.
	 * @param keyNames the keys
	 */
	public void reset(Iterable<String> keyNames) {
		this.byKey.clear();
		SchedulePolicy policy = SchedulePolicy.of(this.properties.freshnessFloor(), this.properties.minPollInterval());
		for (String key : keyNames) {
			this.byKey.put(key, new PollScheduler(policy, this.properties.maxPremisesPerKey()));
		}
	}

	/**
	 * Returns the scheduler of a key.
	 * @param keyName the key
	 * @return the scheduler, empty before the first start
	 */
	public Optional<PollScheduler> of(String keyName) {
		return Optional.ofNullable(this.byKey.get(keyName));
	}

	/**
	 * Hands a premise's ledger balance to the scheduler that tracks it (one key's
	 * scheduler at most, since discovery registers each identity under one key).
	 * @param premiseId the premise
	 * @param balance the ledger's balance
	 * @return what the scheduler did with it, {@code UNKNOWN_PREMISE} when no scheduler
	 * tracks the premise
	 */
	public LedgerUpdate ledgerBalance(String premiseId, LedgerBalance balance) {
		for (PollScheduler scheduler : this.byKey.values()) {
			LedgerUpdate update = scheduler.ledgerBalance(premiseId, balance);
			if (update != LedgerUpdate.UNKNOWN_PREMISE) {
				return update;
			}
		}
		return LedgerUpdate.UNKNOWN_PREMISE;
	}

}
