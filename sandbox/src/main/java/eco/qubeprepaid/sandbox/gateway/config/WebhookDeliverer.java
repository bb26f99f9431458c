package eco.qubeprepaid.sandbox.gateway.config;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import eco.qubeprepaid.sandbox.gateway.model.Attempt;
import eco.qubeprepaid.sandbox.gateway.model.DeliveryPolicy;
import eco.qubeprepaid.sandbox.gateway.model.EventRecord;
import eco.qubeprepaid.sandbox.gateway.model.Gateway;
import eco.qubeprepaid.sandbox.gateway.model.GatewayChoices;
import eco.qubeprepaid.sandbox.gateway.model.GatewaySettings;
import eco.qubeprepaid.sandbox.gateway.model.Signatures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Sends webhooks at least once, with the faults of the settings. Each new event becomes
 * one delivery (two with the duplicate fault, none when dropped or suppressed); a
 * delivery waits its first delay in a {@link DelayQueue}, and a few daemon worker threads
 * take due deliveries and POST the event's exact body with its signature and event id.
 * Anything but a 2xx within the timeout (or an injected failure) puts the delivery back
 * with exponential back-off until it runs out of attempts; one INFO line is logged per
 * event that was never delivered. Every attempt goes to the event's ground truth.
 *
 * <p>
 * While no webhook URL is set, due deliveries wait (parked, no attempt) until one is.
 * Pending refunds are processed on a scheduled executor after their delay. Started and
 * stopped with the application context.
 */
public class WebhookDeliverer implements SmartLifecycle, Gateway.Listener, AutoCloseable {

	private static final Log logger = LogFactory.getLog(WebhookDeliverer.class);

	private final Gateway gateway;

	private final DeliveryPolicy policy;

	private final int threads;

	private final HttpClient client;

	private final DelayQueue<Delivery> queue = new DelayQueue<>();

	private final List<Delivery> parked = new ArrayList<>();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong generation = new AtomicLong();

	private final ScheduledExecutorService timers;

	private volatile ExecutorService workers;

	private volatile boolean running;

	public WebhookDeliverer(Gateway gateway, DeliveryPolicy policy, int threads, Duration connectTimeout) {
		this.gateway = gateway;
		this.policy = policy;
		this.threads = threads;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("gateway-refunds-"));
	}

	// ---------------------------------------------------------------- Gateway.Listener

	@Override
	public void eventRecorded(EventRecord record) {
		if (record.suppressed()) {
			return;
		}
		GatewaySettings settings = this.gateway.settings();
		if (this.policy.drop(settings)) {
			record.markDropped();
			return;
		}
		enqueue(record, settings);
		if (this.policy.duplicate(settings)) {
			enqueue(record, settings);
		}
	}

	@Override
	public void refundPending(String refundId, long delayMs) {
		long current = this.generation.get();
		this.timers.schedule(() -> {
			if (this.generation.get() == current) {
				this.gateway.processRefund(refundId);
			}
		}, delayMs, TimeUnit.MILLISECONDS);
	}

	// ---------------------------------------------------------------- admin

	/**
	 * Queues one more delivery of the event (same body, same event id), also for a
	 * dropped or suppressed event: a replay is an explicit request.
	 */
	public void redeliver(EventRecord record) {
		enqueue(record, this.gateway.settings());
	}

	/** Settings changed: a new webhook URL releases the waiting deliveries. */
	public void settingsChanged() {
		if (this.gateway.settings().hasWebhookUrl()) {
			unpark();
		}
	}

	/** Forgets every queued, waiting and scheduled delivery (after a gateway reset). */
	public void reset() {
		this.generation.incrementAndGet();
		List<Delivery> discarded = new ArrayList<>();
		this.queue.drainTo(discarded);
		synchronized (this.parked) {
			discarded.addAll(this.parked);
			this.parked.clear();
		}
		discarded.forEach((delivery) -> delivery.record.deliveryEnded());
	}

	// ---------------------------------------------------------------- delivery

	private void enqueue(EventRecord record, GatewaySettings settings) {
		Delivery delivery = new Delivery(record, this.generation.get());
		record.deliveryQueued();
		schedule(delivery, this.policy.firstDelayMs(settings));
	}

	private void schedule(Delivery delivery, long delayMs) {
		delivery.dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
		delivery.sequence = this.sequence.incrementAndGet();
		this.queue.put(delivery);
	}

	private void work() {
		while (this.running) {
			Delivery delivery;
			try {
				delivery = this.queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			try {
				attempt(delivery);
			}
			catch (RuntimeException ex) {
				logger.warn("Webhook delivery of " + delivery.record.id() + " failed unexpectedly", ex);
				delivery.record.deliveryEnded();
			}
		}
	}

	private void attempt(Delivery delivery) {
		EventRecord record = delivery.record;
		if (delivery.generation != this.generation.get()) {
			record.deliveryEnded();
			return;
		}
		GatewaySettings settings = this.gateway.settings();
		if (!settings.hasWebhookUrl()) {
			park(delivery);
			return;
		}
		Attempt attempt = this.policy.injectFailure(settings)
				? Attempt.failed(this.gateway.clock().instant(), Attempt.INJECTED_FAILURE) : send(record, settings);
		if (delivery.generation != this.generation.get()) {
			record.deliveryEnded();
			return;
		}
		record.record(attempt);
		delivery.attempts++;
		if (attempt.delivered()) {
			record.deliveryEnded();
			return;
		}
		long retryMs = DeliveryPolicy.retryDelayMs(settings, delivery.attempts);
		if (retryMs < 0) {
			record.deliveryEnded();
			if (record.gaveUp()) {
				logger.info("Webhook " + record.event().type().wire() + " " + record.id() + " was not delivered after "
						+ delivery.attempts + " attempts (last: " + attempt.outcome() + ")");
			}
			return;
		}
		schedule(delivery, retryMs);
	}

	private Attempt send(EventRecord record, GatewaySettings settings) {
		byte[] body = record.body();
		Instant at = this.gateway.clock().instant();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
				.timeout(Duration.ofMillis(settings.webhookTimeoutMs()))
				.header("Content-Type", "application/json")
				.header(GatewayChoices.SIGNATURE_HEADER, Signatures.hmacSha256Hex(settings.webhookSecret(), body))
				.header(GatewayChoices.EVENT_ID_HEADER, record.id())
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			return Attempt.ofStatus(at, response.statusCode());
		}
		catch (HttpTimeoutException ex) {
			return Attempt.failed(at, Attempt.TIMEOUT);
		}
		catch (IOException ex) {
			return Attempt.failed(at, refused(ex) ? Attempt.CONNECTION_REFUSED : Attempt.NETWORK_ERROR);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Attempt.failed(at, Attempt.NETWORK_ERROR);
		}
		catch (IllegalArgumentException ex) {
			return Attempt.failed(at, Attempt.NETWORK_ERROR);
		}
	}

	private static boolean refused(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	private void park(Delivery delivery) {
		synchronized (this.parked) {
			this.parked.add(delivery);
		}
		// A URL set between our read and the park would otherwise leave it waiting.
		if (this.gateway.settings().hasWebhookUrl()) {
			unpark();
		}
	}

	private void unpark() {
		List<Delivery> waiting;
		synchronized (this.parked) {
			waiting = new ArrayList<>(this.parked);
			this.parked.clear();
		}
		waiting.forEach((delivery) -> schedule(delivery, 0));
	}

	// ---------------------------------------------------------------- lifecycle

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.workers = Executors.newFixedThreadPool(this.threads, daemonThreads("gateway-webhook-"));
		for (int i = 0; i < this.threads; i++) {
			this.workers.execute(this::work);
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		ExecutorService current = this.workers;
		if (current != null) {
			current.shutdownNow();
		}
		this.workers = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void close() {
		stop();
		this.timers.shutdownNow();
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** One delivery of an event: the original, a duplicate or a replay. */
	private static final class Delivery implements Delayed {

		private final EventRecord record;

		private final long generation;

		private volatile long dueNanos;

		private volatile long sequence;

		private int attempts;

		Delivery(EventRecord record, long generation) {
			this.record = record;
			this.generation = generation;
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(this.dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			Delivery that = (Delivery) other;
			int byDue = Long.compare(this.dueNanos - that.dueNanos, 0);
			return (byDue != 0) ? byDue : Long.compare(this.sequence, that.sequence);
		}

	}

}
