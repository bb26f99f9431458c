package eco.qubeprepaid.poller.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import eco.qubeprepaid.poller.command.application.CommandExecutor;
import eco.qubeprepaid.poller.polling.application.GapFillService;
import eco.qubeprepaid.poller.qube.PollerProperties;
import eco.qubeprepaid.poller.registry.application.DiscoveryService;
import eco.qubeprepaid.poller.registry.domain.Premise;
import eco.qubeprepaid.poller.registry.domain.PremiseRegistry;
import eco.qubeprepaid.poller.schedule.application.Schedulers;
import eco.qubeprepaid.poller.schedule.domain.PollScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One thread per API key: at start, discovery (retried until it succeeds), then a gap
 * fill of every premise the poller's downtime left stale, each premise released to live
 * polling when its gap is filled; after that, discovery every {@code discovery-interval}
 * and soon after a request ({@link #requestRediscovery}, when a device id stopped
 * answering).
 */
@Component
public class DiscoveryWorkers {

	private static final Logger log = LoggerFactory.getLogger(DiscoveryWorkers.class);

	/** The soonest a rediscovery may follow the previous discovery of the same key. */
	private static final Duration REDISCOVERY_SPACING = Duration.ofSeconds(5);

	private final PremiseRegistry registry;

	private final DiscoveryService discovery;

	private final GapFillService gapFill;

	private final Schedulers schedulers;

	private final PollerProperties properties;

	private final Pacer pacer;

	private final Clock clock;

	private final Set<String> requested = ConcurrentHashMap.newKeySet();

	private final WorkerThreads threads = new WorkerThreads();

	public DiscoveryWorkers(PremiseRegistry registry, DiscoveryService discovery, GapFillService gapFill,
			Schedulers schedulers, CommandExecutor commands, PollerProperties properties, Pacer pacer, Clock clock) {
		this.registry = registry;
		this.discovery = discovery;
		this.gapFill = gapFill;
		this.schedulers = schedulers;
		this.properties = properties;
		this.pacer = pacer;
		this.clock = clock;
		commands.onStaleDevice(this::requestRediscovery);
	}

	void start(Iterable<String> keyNames) {
		this.requested.clear();
		for (String key : keyNames) {
			this.threads.spawn("poller-startup-" + key, () -> startUp(key));
		}
	}

	void stop() {
		this.threads.stop();
	}

	/**
	 * Asks for a discovery of a key soon.
	 * @param keyName the key
	 */
	public void requestRediscovery(String keyName) {
		this.requested.add(keyName);
	}

	private void startUp(String key) {
		while (this.pacer.running() && !discoverQuietly(key)) {
			if (!this.pacer.pause(this.properties.commandRetryInterval())) {
				return;
			}
		}
		PollScheduler scheduler = this.schedulers.of(key).orElseThrow();
		Instant now = this.clock.instant();
		List<Premise> stale = new ArrayList<>();
		for (Premise premise : this.registry.findByKey(key)) {
			boolean needsFill = this.gapFill.needsGapFill(premise, now);
			scheduler.track(premise.identity().value(), (premise.last() != null) ? premise.last().observedAt() : null,
					(premise.last() != null) ? premise.last().balancePaise() : null, !needsFill);
			if (needsFill) {
				stale.add(premise);
			}
		}
		log.info("Key {}: {} premises, {} to gap-fill after downtime", key, scheduler.size(), stale.size());
		for (Premise premise : stale) {
			if (!this.pacer.running()) {
				return;
			}
			try {
				int published = this.gapFill.fill(premise);
				log.info("Gap fill of {} published {} snapshot(s)", premise.identity(), published);
			}
			catch (RuntimeException ex) {
				log.warn("Gap fill of {} failed; live polling resumes without it: {}", premise.identity(),
						ex.getMessage());
			}
			scheduler.markReady(premise.identity().value());
		}
		discoveryLoop(key, scheduler);
	}

	private void discoveryLoop(String key, PollScheduler scheduler) {
		Instant next = this.clock.instant().plus(this.properties.discoveryInterval());
		while (this.pacer.running()) {
			Instant now = this.clock.instant();
			boolean asked = this.requested.remove(key);
			if (asked || !now.isBefore(next)) {
				if (discoverQuietly(key)) {
					for (Premise premise : this.registry.findByKey(key)) {
						scheduler.track(premise.identity().value(), null, null, true);
					}
				}
				next = this.clock.instant().plus(this.properties.discoveryInterval());
				if (!this.pacer.pause(REDISCOVERY_SPACING)) {
					return;
				}
			}
			else if (!this.pacer.pause(this.properties.idleDelay())) {
				return;
			}
		}
	}

	private boolean discoverQuietly(String key) {
		try {
			DiscoveryService.Result result = this.discovery.discover(key);
			log.info("Discovery of key {}: {} identified, {} new, {} replaced, {} unidentified", key,
					result.identified(), result.added().size(), result.replaced().size(), result.unidentified().size());
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Discovery of key {} failed: {}", key, ex.getMessage());
			return false;
		}
	}

}
