package eco.qubeprepaid.qube.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eco.qubeprepaid.qube.client.ScriptedQubeServer.Request;
import eco.qubeprepaid.qube.client.ScriptedQubeServer.Response;
import eco.qubeprepaid.qube.client.budget.Priority;
import eco.qubeprepaid.qube.client.budget.RateBudgetRegistry;
import eco.qubeprepaid.qube.client.budget.SystemBudgetTimer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's budget against a server that enforces the same limit, counting at arrival.
 */
class RateBudgetIT {

	private static final int LIMIT = 100;

	private static final Duration WINDOW = Duration.ofSeconds(6);

	private static final String METRICS = """
			{"device_id": "%s", "balance": 50000, "relay_state": false, "mode": "POSTPAID"}""";

	private final AtomicInteger rejected = new AtomicInteger();

	private final Deque<Long> admittedArrivals = new ArrayDeque<>();

	private final ExecutorService callers = Executors.newFixedThreadPool(120);

	private ScriptedQubeServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new ScriptedQubeServer();
		this.server.respondWith(this::enforceLimit);
	}

	@AfterEach
	void stop() {
		this.callers.shutdownNow();
		this.server.close();
	}

	@Test
	void threeHundredCallsNeverHitTheServerLimitAndUseTheBudgetFully() throws Exception {
		QubeClient client = client(LIMIT, 0);
		List<Future<?>> calls = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String device = "QUBE-ONE-" + i;
			calls.add(this.callers.submit(() -> client.metrics(device)));
		}
		for (Future<?> call : calls) {
			call.get(60, TimeUnit.SECONDS);
		}

		List<Request> requests = this.server.requests();
		long first = requests.stream().mapToLong(Request::arrivalNanos).min().orElseThrow();
		long last = requests.stream().mapToLong(Request::arrivalNanos).max().orElseThrow();
		double spanSeconds = (last - first) / 1e9;
		// After the first full window, the remaining 200 calls can at best arrive 2
		// windows after
		// the first one; utilisation compares that ideal with the measured span.
		double idealSeconds = 2 * WINDOW.toSeconds();
		double utilisation = idealSeconds / spanSeconds;
		System.out.printf(
				"budget IT: %d requests, %d x 429, first-to-last arrival %.3f s (ideal %.1f s), "
						+ "budget utilisation %.1f %%%n",
				requests.size(), this.rejected.get(), spanSeconds, idealSeconds, utilisation * 100);

		assertThat(this.rejected.get()).isZero();
		assertThat(requests).hasSize(300);
		assertThat(utilisation).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void commandIssuedWhilePollsAreQueuedIsSentBeforeThem() throws Exception {
		QubeClient client = client(5, 0);
		for (int i = 0; i < 5; i++) {
			client.metrics("QUBE-ONE-FILL" + i);
		}
		List<Future<?>> polls = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String device = "QUBE-ONE-POLL" + i;
			polls.add(this.callers.submit(() -> client.metrics(device)));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> client.budget().queued(Priority.POLL) == 10);

		Future<?> command = this.callers.submit(() -> client.withPriority(Priority.COMMAND).metrics("QUBE-ONE-CMD"));
		command.get(30, TimeUnit.SECONDS);
		for (Future<?> poll : polls) {
			poll.get(60, TimeUnit.SECONDS);
		}

		List<String> order = this.server.requests().stream().map(Request::rawPath).toList();
		int commandIndex = order.indexOf("/api/v2/devices/QUBE-ONE-CMD/metrics");
		List<Integer> pollIndexes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			pollIndexes.add(order.indexOf("/api/v2/devices/QUBE-ONE-POLL" + i + "/metrics"));
		}
		assertThat(commandIndex).isEqualTo(5);
		assertThat(pollIndexes).allSatisfy((index) -> assertThat(index).isGreaterThan(commandIndex));
		assertThat(this.rejected.get()).isZero();
	}

	private QubeClient client(int limit, int rateLimitRetries) {
		QubeClientConfig config = QubeClientConfig.builder("budget-it-key")
			.baseUrl(this.server.baseUrl())
			.keyName("budget-it")
			.budget(limit, (limit == LIMIT) ? WINDOW : Duration.ofSeconds(2))
			.rateLimitRetries(rateLimitRetries)
			.build();
		return QubeClient.builder(config).budgetRegistry(new RateBudgetRegistry(SystemBudgetTimer.system())).build();
	}

	/**
	 * The server's own limit: at most {@code LIMIT} arrivals in any rolling window, 429
	 * otherwise.
	 */
	private Response enforceLimit(Request request) {
		synchronized (this.admittedArrivals) {
			long windowStart = request.arrivalNanos() - WINDOW.toNanos();
			while (!this.admittedArrivals.isEmpty() && this.admittedArrivals.peekFirst() <= windowStart) {
				this.admittedArrivals.pollFirst();
			}
			if (this.admittedArrivals.size() >= LIMIT) {
				this.rejected.incrementAndGet();
				return Response.error(429, "rate_limit_exceeded", "over the limit").withHeader("Retry-After", "1");
			}
			this.admittedArrivals.addLast(request.arrivalNanos());
		}
		String device = request.rawPath().split("/")[4];
		return Response.ok(String.format(METRICS, device));
	}

}
