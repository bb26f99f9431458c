package eco.qubeprepaid.poller.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.poller.command.application.CommandExecutor;
import eco.qubeprepaid.poller.command.persistence.JooqCommandStore;
import eco.qubeprepaid.poller.polling.application.GapFillService;
import eco.qubeprepaid.poller.polling.application.PollingService;
import eco.qubeprepaid.poller.qube.PollerProperties;
import eco.qubeprepaid.poller.qube.QubeClients;
import eco.qubeprepaid.poller.registry.application.DiscoveryService;
import eco.qubeprepaid.poller.registry.domain.Premise;
import eco.qubeprepaid.poller.registry.domain.PremiseRegistry;
import eco.qubeprepaid.poller.schedule.domain.LedgerBalance;
import eco.qubeprepaid.poller.schedule.domain.LedgerUpdate;
import eco.qubeprepaid.poller.schedule.domain.PollOutcome;
import eco.qubeprepaid.poller.schedule.domain.PollScheduler;
import eco.qubeprepaid.poller.schedule.domain.SchedulePolicy;
import eco.qubeprepaid.qube.client.QubeApiException;
import eco.qubeprepaid.qube.client.QubeErrorCode;
import eco.qubeprepaid.qube.client.budget.Priority;
import eco.qubeprepaid.qube.client.budget.RateBudget;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the poller's work on its own threads, per API key: a start-up sequence (discovery,
 * then a gap fill of every premise left stale by the poller's downtime, each premise
 * released to live polling when its gap is filled), poll workers fed by the
 * {@link PollScheduler}, a command executor and periodic discovery. The outbox relay is a
 * lifecycle of its own ({@code OutboxConfiguration}), so events already committed are
 * published even while this runtime is stopped. Everything it holds in memory is rebuilt
 * from the database at {@link #start()}, so a stop and start (or a process restart) loses
 * nothing: pending commands, epochs and last readings live in PostgreSQL.
 */
@Component
public class PollerRuntime implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PollerRuntime.class);

	/** The soonest a rediscovery may follow the previous discovery of the same key. */
	private static final Duration REDISCOVERY_SPACING = Duration.ofSeconds(5);

	private final QubeClients clients;

	private final PremiseRegistry registry;

	private final DiscoveryService discovery;

	private final PollingService polling;

	private final GapFillService gapFill;

	private final CommandExecutor commands;

	private final JooqCommandStore commandStore;

	private final PollerProperties properties;

	private final Clock clock;

	private final Map<String, PollScheduler> schedulers = new ConcurrentHashMap<>();

	private final Map<String, Instant> rediscoverAfter = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	public PollerRuntime(QubeClients clients, PremiseRegistry registry, DiscoveryService discovery,
			PollingService polling, GapFillService gapFill, CommandExecutor commands, JooqCommandStore commandStore,
			PollerProperties properties, Clock clock, MeterRegistry meters) {
		this.clients = clients;
		this.registry = registry;
		this.discovery = discovery;
		this.polling = polling;
		this.gapFill = gapFill;
		this.commands = commands;
		this.commandStore = commandStore;
		this.properties = properties;
		this.clock = clock;
		for (String key : clients.keyNames()) {
			Gauge.builder("poller.schedule.meters", this, (r) -> r.tracked(key))
				.tag("key", key)
				.description("Meters the scheduler of a key tracks")
				.register(meters);
			Gauge.builder("poller.schedule.due", this, (r) -> r.due(key))
				.tag("key", key)
				.description("Meters past their revisit interval: the poll queue depth")
				.register(meters);
		}
		Gauge.builder("poller.commands.pending", commandStore, JooqCommandStore::pendingCount)
			.description("Device commands waiting to be applied: the command queue depth")
			.register(meters);
		commands.onStaleDevice(this::requestRediscovery);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.schedulers.clear();
		this.rediscoverAfter.clear();
		SchedulePolicy policy = SchedulePolicy.of(this.properties.freshnessFloor(), this.properties.minPollInterval());
		boolean first = true;
		for (String key : this.clients.keyNames()) {
			this.schedulers.put(key, new PollScheduler(policy, this.properties.maxPremisesPerKey()));
			boolean orphanKey = first;
			first = false;
			spawn("poller-startup-" + key, () -> startUp(key));
			for (int i = 0; i < this.properties.pollWorkersPerKey(); i++) {
				spawn("poller-poll-" + key + "-" + i, () -> pollLoop(key));
			}
			spawn("poller-commands-" + key, () -> commandLoop(key, orphanKey));
		}
		log.info("Poller runtime started for keys {}", this.clients.keyNames());
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.threads.forEach(Thread::interrupt);
		for (Thread thread : this.threads) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.threads.clear();
		log.info("Poller runtime stopped");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Returns the scheduler of a key, for diagnostics and tests.
	 * @param keyName the key
	 * @return the scheduler, if the runtime is running
	 */
	public Optional<PollScheduler> scheduler(String keyName) {
		return Optional.ofNullable(this.schedulers.get(keyName));
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
		for (PollScheduler scheduler : this.schedulers.values()) {
			LedgerUpdate update = scheduler.ledgerBalance(premiseId, balance);
			if (update != LedgerUpdate.UNKNOWN_PREMISE) {
				return update;
			}
		}
		return LedgerUpdate.UNKNOWN_PREMISE;
	}

	/**
	 * Asks for a discovery of a key soon (a device id stopped answering).
	 * @param keyName the key
	 */
	public void requestRediscovery(String keyName) {
		this.rediscoverAfter.merge(keyName, Instant.MIN, (a, b) -> a);
	}

	private void startUp(String key) {
		while (this.running && !discoverQuietly(key)) {
			if (!pause(this.properties.commandRetryInterval())) {
				return;
			}
		}
		PollScheduler scheduler = this.schedulers.get(key);
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
			if (!this.running) {
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
		discoveryLoop(key);
	}

	private void discoveryLoop(String key) {
		Instant next = this.clock.instant().plus(this.properties.discoveryInterval());
		while (this.running) {
			Instant now = this.clock.instant();
			Instant requested = this.rediscoverAfter.get(key);
			if (!now.isBefore(next) || requested != null) {
				this.rediscoverAfter.remove(key);
				if (discoverQuietly(key)) {
					PollScheduler scheduler = this.schedulers.get(key);
					for (Premise premise : this.registry.findByKey(key)) {
						scheduler.track(premise.identity().value(), null, null, true);
					}
				}
				next = this.clock.instant().plus(this.properties.discoveryInterval());
				if (!pause(REDISCOVERY_SPACING)) {
					return;
				}
			}
			else if (!pause(this.properties.idleDelay())) {
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

	private void pollLoop(String key) {
		PollScheduler scheduler = this.schedulers.get(key);
		while (this.running) {
			Optional<String> next = scheduler.next(this.clock.instant());
			if (next.isEmpty() || housekeepingWaits(key, scheduler, next.get())) {
				next.ifPresent(scheduler::release);
				if (!pause(this.properties.idleDelay())) {
					return;
				}
				continue;
			}
			String premiseId = next.get();
			try {
				this.polling.poll(premiseId)
					.ifPresentOrElse(
							(snapshot) -> scheduler.polled(premiseId,
									new PollOutcome(snapshot.observedAt().toInstant(), spentBalance(snapshot),
											snapshot.relayOn(), snapshot.online())),
							() -> scheduler.untrack(premiseId));
			}
			catch (QubeApiException ex) {
				scheduler.release(premiseId);
				if (ex.code() == QubeErrorCode.DEVICE_NOT_FOUND || ex.code() == QubeErrorCode.DEVICE_NOT_IN_SPACE) {
					requestRediscovery(key);
				}
				log.debug("Poll of {} failed: {}", premiseId, ex.getMessage());
				if (!pause(this.properties.idleDelay())) {
					return;
				}
			}
			catch (RuntimeException ex) {
				scheduler.release(premiseId);
				if (!this.running) {
					return;
				}
				log.warn("Poll of {} failed: {}", premiseId, ex.getMessage());
				if (!pause(this.properties.idleDelay())) {
					return;
				}
			}
		}
	}

	/**
	 * The meter's balance as a measure of what the meter spends: only a PREPAID meter
	 * deducts from it. A POSTPAID or measurement meter's balance stays where it is (often
	 * at zero), which would otherwise read as "already empty" and have the meter polled
	 * at the minimum interval for ever; its premise is steered by the ledger's balance.
	 */
	private static Long spentBalance(DeviceSnapshotted snapshot) {
		return (snapshot.mode() == MeterMode.PREPAID) ? snapshot.balancePaise() : null;
	}

	/**
	 * A poll that only spends spare budget (the meter is not due) yields to waiting
	 * housekeeping, which would otherwise never get a slot while polls keep the budget
	 * busy, and leaves the reserve of the budget free: the budget is a rolling window, so
	 * spare polls taken in a burst would hold every slot until the window turns, and a
	 * meter falling due meanwhile (one about to run out) would wait up to a window.
	 */
	private boolean housekeepingWaits(String key, PollScheduler scheduler, String premiseId) {
		if (scheduler.isDue(premiseId, this.clock.instant())) {
			return false;
		}
		RateBudget budget = this.clients.budget(key);
		int reserve = budget.settings().limit() * this.properties.spareBudgetReservePercent() / 100;
		return budget.queued(Priority.HOUSEKEEPING) > 0 || budget.remaining() <= reserve;
	}

	private void commandLoop(String key, boolean orphanKey) {
		while (this.running) {
			try {
				if (this.commands.runDue(key, orphanKey) == 0) {
					this.commands.awaitWork();
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Command round of key {} failed: {}", key, ex.getMessage());
				if (!pause(this.properties.idleDelay())) {
					return;
				}
			}
		}
	}

	private int tracked(String key) {
		PollScheduler scheduler = this.schedulers.get(key);
		return (scheduler != null) ? scheduler.size() : 0;
	}

	private int due(String key) {
		PollScheduler scheduler = this.schedulers.get(key);
		return (scheduler != null) ? scheduler.dueCount(this.clock.instant()) : 0;
	}

	private void spawn(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	}

	/** Sleeps on the worker's own thread; returns false if the runtime is stopping. */
	private boolean pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return this.running;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
