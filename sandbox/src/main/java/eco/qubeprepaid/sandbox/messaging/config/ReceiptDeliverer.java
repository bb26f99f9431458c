package eco.qubeprepaid.sandbox.messaging.config;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import eco.qubeprepaid.sandbox.messaging.model.Message;
import eco.qubeprepaid.sandbox.messaging.model.MessagingChoices;
import eco.qubeprepaid.sandbox.messaging.model.Messenger;
import eco.qubeprepaid.sandbox.messaging.model.Receipt;
import eco.qubeprepaid.sandbox.messaging.model.ReceiptAttempt;
import eco.qubeprepaid.sandbox.messaging.model.ReceiptPolicy;
import eco.qubeprepaid.sandbox.messaging.model.ReceiptSignature;
import eco.qubeprepaid.sandbox.messaging.model.Wire;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Settles accepted messages after their receipt delay and POSTs their receipts at least
 * once. One small scheduled executor does all the timing (receipt due, retry due); the
 * POSTs themselves go out asynchronously on the HTTP client, so a slow receiver holds up
 * no other receipt. A receipt body is written and signed once, so every attempt sends the
 * same bytes and signature. Anything but a 2xx within the timeout is retried with
 * exponential back-off until the policy runs out of attempts; one INFO line is logged per
 * receipt never delivered. Every attempt goes to the message's ground truth.
 *
 * <p>
 * A message that settles while no receipt URL is set gets no receipt (the URL is the
 * provider account's callback setting; none means none). Each attempt goes to the URL set
 * at that moment, and clearing it abandons pending retries. Started and stopped with the
 * application context; a reset abandons everything pending.
 */
public class ReceiptDeliverer implements SmartLifecycle, Messenger.Listener, AutoCloseable {

	private static final Log logger = LogFactory.getLog(ReceiptDeliverer.class);

	private final Messenger messenger;

	private final ReceiptPolicy policy;

	private final String secret;

	private final Function<Map<String, Object>, byte[]> json;

	private final HttpClient client;

	private final AtomicLong generation = new AtomicLong();

	private volatile ScheduledExecutorService scheduler;

	private volatile boolean running;

	public ReceiptDeliverer(Messenger messenger, ReceiptPolicy policy, String secret,
			Function<Map<String, Object>, byte[]> json) {
		this.messenger = messenger;
		this.policy = policy;
		this.secret = secret;
		this.json = json;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofMillis(policy.timeoutMs()))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		// Created here, not in start(): a send may be accepted before the lifecycle
		// starts.
		this.scheduler = newScheduler();
	}

	// ---------------------------------------------------------------- Messenger.Listener

	@Override
	public void accepted(Message message, long receiptDelayMs) {
		long current = this.generation.get();
		schedule(() -> settle(message, current), receiptDelayMs);
	}

	// ---------------------------------------------------------------- admin

	/** Abandons every pending receipt and retry (after a provider reset). */
	public void reset() {
		this.generation.incrementAndGet();
	}

	// ---------------------------------------------------------------- delivery

	private void settle(Message message, long current) {
		if (current != this.generation.get()) {
			return;
		}
		Receipt receipt = this.messenger.settle(message);
		if (receipt == null || !this.messenger.settings().hasReceiptUrl()) {
			return;
		}
		byte[] body = this.json.apply(Wire.receipt(receipt));
		message.receiptQueued();
		attempt(new Delivery(message, body, ReceiptSignature.hex(this.secret, body), current));
	}

	private void attempt(Delivery delivery) {
		String url = this.messenger.settings().receiptUrl();
		if (delivery.generation != this.generation.get() || url.isEmpty()) {
			delivery.message.receiptAbandoned();
			return;
		}
		Instant at = this.messenger.clock().instant();
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofMillis(this.policy.timeoutMs()))
				.header("Content-Type", "application/json")
				.header(MessagingChoices.SIGNATURE_HEADER, delivery.signature)
				.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
				.build();
		}
		catch (IllegalArgumentException ex) {
			attempted(delivery, ReceiptAttempt.failed(at, ReceiptAttempt.NETWORK_ERROR));
			return;
		}
		this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.whenComplete((response, failure) -> attempted(delivery,
					(failure == null) ? ReceiptAttempt.ofStatus(at, response.statusCode())
							: ReceiptAttempt.failed(at, outcome(failure))));
	}

	private void attempted(Delivery delivery, ReceiptAttempt attempt) {
		if (delivery.generation != this.generation.get()) {
			return;
		}
		delivery.message.receiptAttempted(attempt);
		if (attempt.delivered()) {
			return;
		}
		int failed = delivery.attempts.incrementAndGet();
		long retryMs = this.policy.retryDelayMs(failed);
		if (retryMs < 0) {
			delivery.message.receiptAbandoned();
			logger.info("Receipt of " + delivery.message.id() + " was not delivered after " + failed
					+ " attempts (last: " + attempt.outcome() + ")");
			return;
		}
		schedule(() -> attempt(delivery), retryMs);
	}

	private static String outcome(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException) {
				return ReceiptAttempt.TIMEOUT;
			}
			if (cause instanceof ConnectException) {
				return ReceiptAttempt.CONNECTION_REFUSED;
			}
		}
		return ReceiptAttempt.NETWORK_ERROR;
	}

	private void schedule(Runnable task, long delayMs) {
		try {
			this.scheduler.schedule(() -> {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Receipt task failed unexpectedly", ex);
				}
			}, delayMs, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Stopped: the application is shutting down, pending receipts go with it.
		}
	}

	// ---------------------------------------------------------------- lifecycle

	@Override
	public synchronized void start() {
		if (this.scheduler.isShutdown()) {
			this.scheduler = newScheduler();
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.scheduler.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void close() {
		stop();
	}

	private static ScheduledExecutorService newScheduler() {
		AtomicInteger count = new AtomicInteger();
		return Executors.newScheduledThreadPool(1, (runnable) -> {
			Thread thread = new Thread(runnable, "messaging-receipts-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** One receipt on its way: the exact bytes and signature every attempt sends. */
	private static final class Delivery {

		private final Message message;

		private final byte[] body;

		private final String signature;

		private final long generation;

		private final AtomicInteger attempts = new AtomicInteger();

		Delivery(Message message, byte[] body, String signature, long generation) {
			this.message = message;
			this.body = body;
			this.signature = signature;
			this.generation = generation;
		}

	}

}
