package eco.qubeprepaid.balance.ledger.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import eco.qubeprepaid.balance.BalanceProperties;
import eco.qubeprepaid.balance.ledger.persistence.OutboxStore;
import eco.qubeprepaid.balance.ledger.persistence.OutboxStore.PendingEvent;
import eco.qubeprepaid.events.Headers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox in order: each round takes the relay lock, reads the oldest
 * unpublished rows, sends them (key = premise, headers id/type/version), waits for the
 * broker's acknowledgements and only then marks them published, all in one database
 * transaction. A crash after the send and before the commit publishes the same rows again
 * with the same event ids (at least once, never invented); consumers dedupe by id.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxStore outbox;

	private final KafkaTemplate<String, byte[]> kafka;

	private final TransactionTemplate transactions;

	private final BalanceProperties.Outbox settings;

	private final Clock clock;

	private final AtomicLong pending = new AtomicLong();

	private ScheduledExecutorService executor;

	public OutboxRelay(OutboxStore outbox, KafkaTemplate<String, byte[]> kafka, TransactionTemplate transactions,
			BalanceProperties properties, Clock clock, MeterRegistry registry) {
		this.outbox = outbox;
		this.kafka = kafka;
		this.transactions = transactions;
		this.settings = properties.outbox();
		this.clock = clock;
		Gauge.builder("outbox.pending", this.pending, AtomicLong::get)
			.description("Outbox rows not yet published")
			.register(registry);
	}

	@Override
	public synchronized void start() {
		if (this.executor == null) {
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, "outbox-relay"));
			long interval = this.settings.pollInterval().toMillis();
			this.executor.scheduleWithFixedDelay(this::round, 0, interval, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			try {
				if (!this.executor.awaitTermination(this.settings.sendTimeout().toMillis() * 2,
						TimeUnit.MILLISECONDS)) {
					this.executor.shutdownNow();
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

	private void round() {
		try {
			while (publishBatch() == this.settings.batchSize()) {
				// A full batch means more rows are waiting: go on without pausing.
			}
			this.pending.set(this.outbox.countPending());
		}
		catch (RuntimeException ex) {
			// The rows stay unpublished and the next round tries again.
			log.warn("Outbox relay round failed: {}", ex.toString());
		}
	}

	/**
	 * Publishes one batch.
	 * @return how many rows were published
	 */
	int publishBatch() {
		Integer published = this.transactions.execute((status) -> {
			if (!this.outbox.tryRelayLock()) {
				return 0;
			}
			List<PendingEvent> rows = this.outbox.pending(this.settings.batchSize());
			if (rows.isEmpty()) {
				return 0;
			}
			List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
			for (PendingEvent row : rows) {
				sends.add(this.kafka.send(record(row)));
			}
			try {
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
			this.outbox.markPublished(rows.stream().map(PendingEvent::outboxId).toList(), this.clock.instant());
			return rows.size();
		});
		return (published != null) ? published : 0;
	}

	private static ProducerRecord<String, byte[]> record(PendingEvent row) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
		record.headers()
			.add(Headers.EVENT_ID, row.eventId().toString().getBytes(StandardCharsets.UTF_8))
			.add(Headers.EVENT_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8))
			.add(Headers.EVENT_VERSION, Integer.toString(row.eventVersion()).getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
