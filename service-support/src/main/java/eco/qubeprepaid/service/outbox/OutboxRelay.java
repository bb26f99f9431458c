package eco.qubeprepaid.service.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import eco.qubeprepaid.service.messaging.EventRecords;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a service's {@link Outbox} in order, on a thread of its own. Each round takes
 * the service's advisory lock (so one relay at a time publishes, even with several
 * instances), reads the oldest unpublished rows, sends them (key = premise, headers
 * id/type/version), waits for the broker's acknowledgements and only then marks them
 * published, all in one database transaction. A crash or failure before the commit leaves
 * the rows unpublished and the next round sends them again under the same event ids: at
 * least once, never invented, and consumers deduplicate by id.
 * <p>
 * <p>
 * <b>Where a read starts.</b> Marking a row published leaves a dead entry in the index of
 * unpublished rows until vacuum removes it, and reading "the oldest unpublished rows"
 * from the start of that index walks all of them: with tens of thousands of events a
 * minute, PostgreSQL's time per snapshot tripled between two visits of autovacuum. So a
 * read starts above a <i>floor</i>: the highest id read by a round that emptied the
 * outbox and ended at least {@link Settings#settle()} ago. Ids are allocated in
 * increasing order, so a row below that id belongs to a transaction that was open then;
 * one that commits within the settle time is read by a round before the floor passes it.
 * A transaction open for longer could commit a row below the floor: a <i>sweep</i>, a
 * round that reads from the very first row, runs every {@link Settings#sweepInterval()}
 * (and first), so such a row is published late but never left behind.
 * <p>
 * The gauge named in {@link Settings#pendingGauge()} shows the rows not yet published,
 * refreshed after every round, failed rounds included, so that it grows while the broker
 * is away. A round that emptied the outbox (its last read found fewer rows than a batch,
 * and published them all) sets it to 0 without counting; any other round counts the rows.
 * A busy relay runs many rounds a second, and counting walks the index of unpublished
 * rows, dead entries included until vacuum removes them.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/**
	 * How long {@link #stop()} lets a round in progress finish before interrupting it.
	 */
	private static final Duration STOP_GRACE = Duration.ofSeconds(2);

	/** What a batch returns when another relay holds the lock. */
	private static final int NOT_LOCKED = -1;

	private final Outbox outbox;

	private final KafkaTemplate<String, byte[]> kafka;

	private final TransactionTemplate transactions;

	private final Settings settings;

	private final Clock clock;

	private final AtomicLong pending = new AtomicLong();

	private volatile boolean stopping;

	/** Held by a round (and by the tests' direct calls); not by the lifecycle methods. */
	private final Object rounds = new Object();

	/** Reads start above this id, except in a sweep (see the class comment). */
	private long floor;

	/**
	 * Ends of rounds that emptied the outbox, with the highest id each read, oldest
	 * first.
	 */
	private final Deque<long[]> settling = new ArrayDeque<>();

	/**
	 * When the last sweep began ({@code System.nanoTime()}), or null before the first.
	 */
	private Long lastSweep;

	private ScheduledExecutorService executor;

	/**
	 * Creates a relay; it publishes once started.
	 * @param outbox the service's outbox
	 * @param kafka the producer (idempotent, {@code acks=all})
	 * @param transactionManager the transaction manager of the outbox's database
	 * @param settings the service's settings
	 * @param clock the service clock, which stamps {@code published_at}
	 * @param registry where the pending gauge is registered
	 */
	public OutboxRelay(Outbox outbox, KafkaTemplate<String, byte[]> kafka,
			PlatformTransactionManager transactionManager, Settings settings, Clock clock, MeterRegistry registry) {
		this.outbox = outbox;
		this.kafka = kafka;
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = settings;
		this.clock = clock;
		Gauge.builder(settings.pendingGauge(), this.pending, AtomicLong::get)
			.description("Outbox events not yet published")
			.register(registry);
	}

	@Override
	public synchronized void start() {
		if (this.executor == null) {
			this.stopping = false;
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, this.settings.name());
				// Never the reason a JVM does not exit: stop() has already given the
				// round in progress its chance.
				thread.setDaemon(true);
				return thread;
			});
			this.executor.scheduleWithFixedDelay(this::round, 0, this.settings.pollInterval().toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Stops the relay. A healthy round finishes within {@link #STOP_GRACE}; one that is
	 * still waiting then (for an absent broker or database) is interrupted. That is safe:
	 * an interrupted round commits nothing, so its rows stay unpublished and are sent
	 * again later under the same event ids.
	 */
	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.stopping = true;
			this.executor.shutdown();
			try {
				if (!this.executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
					this.executor.shutdownNow();
					this.executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.executor.shutdownNow();
			}
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Publishes batches until one is not full (a full batch means more rows wait), then
	 * refreshes the pending gauge.
	 */
	void round() {
		synchronized (this.rounds) {
			roundLocked();
		}
	}

	private void roundLocked() {
		long began = System.nanoTime();
		boolean sweep = this.lastSweep == null || began - this.lastSweep >= this.settings.sweepInterval().toNanos();
		boolean drained = false;
		try {
			long after = sweep ? 0 : this.floor;
			Batch batch;
			do {
				batch = batch(after);
				after = Math.max(after, batch.lastId());
			}
			while (batch.published() == this.settings.batchSize() && !this.stopping);
			drained = batch.published() != NOT_LOCKED && batch.published() < this.settings.batchSize();
			if (drained) {
				long ended = System.nanoTime();
				this.settling.addLast(new long[] { ended, after });
				if (sweep) {
					this.lastSweep = began;
				}
				while (!this.settling.isEmpty()
						&& ended - this.settling.peekFirst()[0] >= this.settings.settle().toNanos()) {
					this.floor = Math.max(this.floor, this.settling.removeFirst()[1]);
				}
			}
		}
		catch (RuntimeException ex) {
			// The rows stay unpublished and the next round tries again.
			log.warn("Outbox relay round failed: {}", ex.toString());
		}
		try {
			this.pending.set(drained ? 0 : this.outbox.countPending());
		}
		catch (RuntimeException ex) {
			log.warn("Could not count the outbox backlog: {}", ex.toString());
		}
	}

	/**
	 * Publishes one batch in one transaction.
	 * @return how many rows were published (0 when another relay holds the lock)
	 * @throws IllegalStateException if the broker did not acknowledge every row in time
	 * (then none is marked published)
	 */
	int publishBatch() {
		synchronized (this.rounds) {
			return Math.max(0, batch(0).published());
		}
	}

	/**
	 * The floor: reads of rounds other than sweeps start above it.
	 * @return the highest id known to be published for good
	 */
	long floor() {
		synchronized (this.rounds) {
			return this.floor;
		}
	}

	/**
	 * Publishes one batch in one transaction.
	 * @param after read rows above this id only
	 * @return how many rows were published ({@link #NOT_LOCKED} when another relay holds
	 * the lock) and the highest id read
	 */
	private Batch batch(long after) {
		Batch published = this.transactions.execute((status) -> {
			if (!this.outbox.tryLock(this.settings.lockKey())) {
				return new Batch(NOT_LOCKED, after);
			}
			List<Outbox.Pending> rows = this.outbox.pending(after, this.settings.batchSize());
			if (rows.isEmpty()) {
				return new Batch(0, after);
			}
			try {
				List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
				for (Outbox.Pending row : rows) {
					// A send can also fail at once (no metadata within max.block.ms).
					sends.add(this.kafka.send(EventRecords.of(row.topic(), row.key(), row.eventId(), row.eventType(),
							row.eventVersion(), row.payload())));
				}
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
					.get(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while publishing the outbox", ex);
			}
			catch (Exception ex) {
				throw new IllegalStateException("The broker did not acknowledge the outbox batch", ex);
			}
			this.outbox.markPublished(rows.stream().map(Outbox.Pending::outboxId).toList(), this.clock.instant());
			return new Batch(rows.size(), rows.get(rows.size() - 1).outboxId());
		});
		return (published != null) ? published : new Batch(0, after);
	}

	/**
	 * What one batch did.
	 *
	 * @param published rows published, or {@link #NOT_LOCKED}
	 * @param lastId the highest id read (the read's start when nothing was read)
	 */
	private record Batch(int published, long lastId) {
	}

	/**
	 * How a service runs its relay.
	 *
	 * @param name the relay's name, given to its thread
	 * @param lockKey the service's advisory lock key: the relays of one database that
	 * share it publish one at a time
	 * @param pollInterval the pause between two rounds
	 * @param batchSize the most rows one transaction publishes
	 * @param sendTimeout how long a batch waits for the broker's acknowledgements
	 * @param pendingGauge the name of the gauge of unpublished rows
	 * @param settle how long after a round that emptied the outbox the floor may pass the
	 * ids it read: longer than the services' own transactions last
	 * @param sweepInterval how often a round reads from the first row, for rows of longer
	 * transactions
	 */
	public record Settings(String name, long lockKey, Duration pollInterval, int batchSize, Duration sendTimeout,
			String pendingGauge, Duration settle, Duration sweepInterval) {

		/** The settle time unless a service says otherwise. */
		public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

		/** The sweep interval unless a service says otherwise. */
		public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);

		/**
		 * Settings with the default settle time and sweep interval.
		 * @param name the relay's name
		 * @param lockKey the advisory lock key
		 * @param pollInterval the pause between two rounds
		 * @param batchSize the most rows one transaction publishes
		 * @param sendTimeout how long a batch waits for the broker
		 * @param pendingGauge the gauge's name
		 */
		public Settings(String name, long lockKey, Duration pollInterval, int batchSize, Duration sendTimeout,
				String pendingGauge) {
			this(name, lockKey, pollInterval, batchSize, sendTimeout, pendingGauge, DEFAULT_SETTLE,
					DEFAULT_SWEEP_INTERVAL);
		}

		public Settings {
			if (settle == null || settle.isNegative() || sweepInterval == null || sweepInterval.isNegative()) {
				throw new IllegalArgumentException("settle and sweepInterval must not be negative");
			}
			if (name == null || name.isBlank() || pendingGauge == null || pendingGauge.isBlank()) {
				throw new IllegalArgumentException("an outbox relay needs a name and a gauge name");
			}
			if (batchSize < 1) {
				throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
			}
			if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero() || sendTimeout == null
					|| sendTimeout.isNegative() || sendTimeout.isZero()) {
				throw new IllegalArgumentException("pollInterval and sendTimeout must be positive");
			}
		}

	}

}
