package eco.qubeprepaid.sandbox.gateway.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import eco.qubeprepaid.sandbox.gateway.GatewayHttp;
import eco.qubeprepaid.sandbox.gateway.GatewayITSupport;
import eco.qubeprepaid.sandbox.gateway.WebhookReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook delivery to a real receiver: signatures, retries, the faults (duplicates,
 * drops, injected failures, delays, reorder), suppression, replay, waiting for a URL, and
 * volume.
 */
class GatewayWebhookIT extends GatewayITSupport {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Test
	void aCapturedPaymentSendsSignedCapturedAndOrderPaidRecordedInTheTruth() {
		String paymentId = pay(20000, "{}");
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(2));
		assertThat(this.receiver.received()).extracting(WebhookReceiver.Received::event)
			.containsExactlyInAnyOrder("payment.captured", "order.paid");
		for (WebhookReceiver.Received webhook : this.receiver.received()) {
			assertThat(webhook.signedWith(GatewayHttp.WEBHOOK_SECRET)).isTrue();
			assertThat(webhook.signedWith("another-secret")).isFalse();
			assertThat(webhook.path()).isEqualTo("/webhooks");
		}
		List<JsonNode> events = truthEvents(paymentId);
		assertThat(events).hasSize(2);
		Set<String> ids = this.receiver.received()
			.stream()
			.map(WebhookReceiver.Received::eventId)
			.collect(Collectors.toSet());
		await().atMost(WAIT).untilAsserted(() -> {
			for (JsonNode event : truthEvents(paymentId)) {
				assertThat(ids).contains(event.get("id").asString());
				assertThat(event.get("delivered").asBoolean()).isTrue();
				assertThat(event.get("suppressed").asBoolean()).isFalse();
				assertThat(event.get("attempts")).hasSize(1);
				assertThat(event.get("attempts").get(0).get("outcome").asString()).isEqualTo("delivered");
				assertThat(event.get("attempts").get(0).get("status").asInt()).isEqualTo(200);
				assertThat(event.get("refund_id").isNull()).isTrue();
			}
		});
		JsonNode truth = this.gateway.admin("GET", "/truth", null);
		assertThat(truth.get("captured_total").asLong()).isEqualTo(20000);
		assertThat(truth.get("pending_deliveries").asInt()).isZero();
	}

	@Test
	void aReceiverAnswering500FirstIsRetriedUntilItTakesTheEvent() {
		Map<String, Integer> seen = new ConcurrentHashMap<>();
		this.receiver.respondWith((request) -> (seen.merge(request.eventId(), 1, Integer::sum) == 1) ? 500 : 200);
		String paymentId = pay(20000, "{}");
		await().atMost(WAIT).untilAsserted(() -> {
			List<JsonNode> events = truthEvents(paymentId);
			assertThat(events).hasSize(2).allSatisfy((e) -> assertThat(e.get("delivered").asBoolean()).isTrue());
		});
		for (JsonNode event : truthEvents(paymentId)) {
			JsonNode attempts = event.get("attempts");
			assertThat(attempts).hasSize(2);
			assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("http_500");
			assertThat(attempts.get(0).get("status").asInt()).isEqualTo(500);
			assertThat(attempts.get(1).get("outcome").asString()).isEqualTo("delivered");
			assertThat(attempts.get(1).get("at").asLong() - attempts.get(0).get("at").asLong())
				.as("the default first retry waits 1 s")
				.isGreaterThanOrEqualTo(950);
			List<WebhookReceiver.Received> copies = this.receiver.ofId(event.get("id").asString());
			assertThat(copies).hasSize(2);
			assertThat(copies.get(0).body()).isEqualTo(copies.get(1).body());
			assertThat(copies.get(0).signature()).isEqualTo(copies.get(1).signature());
		}
	}

	@Test
	void duplicateRatioOneDeliversEveryEventTwiceWithTheSameIdBodyAndSignature() {
		this.gateway.admin("PUT", "/config", "{\"duplicate_ratio\":1}");
		pay(20000, "{}");
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(4));
		Map<String, List<WebhookReceiver.Received>> byId = this.receiver.received()
			.stream()
			.collect(Collectors.groupingBy(WebhookReceiver.Received::eventId));
		assertThat(byId).hasSize(2);
		byId.values().forEach((copies) -> {
			assertThat(copies).hasSize(2);
			assertThat(copies.get(0).body()).isEqualTo(copies.get(1).body());
			assertThat(copies.get(0).signature()).isEqualTo(copies.get(1).signature());
			assertThat(copies.get(0).signedWith(GatewayHttp.WEBHOOK_SECRET)).isTrue();
		});
	}

	@Test
	void dropRatioOneDeliversNothingButThePaymentIsThere() {
		this.gateway.admin("PUT", "/config", "{\"drop_ratio\":1}");
		String orderId = order(20000).get("id").asString();
		String paymentId = this.gateway.pay(orderId, "{}").get("id").asString();
		assertThat(truthEvents(paymentId)).hasSize(2).allSatisfy((e) -> {
			assertThat(e.get("dropped").asBoolean()).isTrue();
			assertThat(e.get("delivered").asBoolean()).isFalse();
			assertThat(e.get("attempts")).isEmpty();
		});
		assertThat(this.gateway.admin("GET", "/truth", null).get("pending_deliveries").asInt()).isZero();
		JsonNode payments = this.gateway.api("GET", "/v1/orders/" + orderId + "/payments", null).json();
		assertThat(payments.get("count").asInt()).isEqualTo(1);
		assertThat(payments.get("items").get(0).get("id").asString()).isEqualTo(paymentId);
		assertThat(payments.get("items").get(0).get("status").asString()).isEqualTo("captured");
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.receiver.received()).isEmpty());
	}

	@Test
	void webhooksFalseSuppressesEveryEventOfThatPaymentUntilAReplay() {
		String suppressed = pay(20000, "{\"webhooks\":false}");
		String normal = pay(30000, "{}");
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(2));
		assertThat(this.receiver.received())
			.allSatisfy((webhook) -> assertThat(webhook.payment().get("id").asString()).isEqualTo(normal));
		List<JsonNode> events = truthEvents(suppressed);
		assertThat(events).hasSize(2)
			.allSatisfy((e) -> assertThat(e.get("suppressed").asBoolean()).isTrue())
			.allSatisfy((e) -> assertThat(e.get("attempts")).isEmpty());
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.receiver.received()).hasSize(2));
		String eventId = events.get(0).get("id").asString();
		this.gateway.admin("POST", "/events/" + eventId + "/redeliver", null);
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.ofId(eventId)).hasSize(1));
		assertThat(this.receiver.ofId(eventId).get(0).signedWith(GatewayHttp.WEBHOOK_SECRET)).isTrue();
		assertThat(this.gateway.send("POST", "/admin/gateway/events/evt_00000000000000/redeliver", null, Map.of())
			.status()).isEqualTo(404);
	}

	@Test
	void aReplayRedeliversTheSameEventIdAndBody() {
		pay(20000, "{}");
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(2));
		WebhookReceiver.Received first = this.receiver.ofType("payment.captured").get(0);
		JsonNode replay = this.gateway.admin("POST", "/events/" + first.eventId() + "/redeliver", null);
		assertThat(replay.get("id").asString()).isEqualTo(first.eventId());
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.ofId(first.eventId())).hasSize(2));
		WebhookReceiver.Received second = this.receiver.ofId(first.eventId()).get(1);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.signature()).isEqualTo(first.signature());
	}

	@Test
	void injectedFailuresAreRetriedAndGivenUpAfterMaxAttempts() {
		this.gateway.admin("PUT", "/config", "{\"failure_ratio\":1,\"max_attempts\":3,\"retry_initial_ms\":50}");
		String paymentId = pay(20000, "{}");
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(this.gateway.admin("GET", "/truth", null).get("pending_deliveries").asInt()).isZero();
			assertThat(truthEvents(paymentId)).allSatisfy((e) -> {
				assertThat(e.get("attempts")).hasSize(3);
				assertThat(e.get("delivered").asBoolean()).isFalse();
			});
		});
		for (JsonNode attempt : truthEvents(paymentId).get(0).get("attempts")) {
			assertThat(attempt.get("outcome").asString()).isEqualTo("injected_failure");
			assertThat(attempt.get("status").isNull()).isTrue();
		}
		JsonNode attempts = truthEvents(paymentId).get(0).get("attempts");
		assertThat(attempts.get(2).get("at").asLong() - attempts.get(1).get("at").asLong())
			.as("the second retry waits twice the first")
			.isGreaterThanOrEqualTo(95);
		assertThat(this.receiver.received()).isEmpty();
	}

	@Test
	void refusedConnectionsAndTimeoutsAreRecordedAsSuch() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		this.gateway.admin("PUT", "/config",
				"{\"webhook_url\":\"http://127.0.0.1:" + closedPort + "/hook\",\"max_attempts\":1}");
		String refused = pay(20000, "{}");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(truthEvents(refused))
				.allSatisfy((e) -> assertThat(e.get("attempts")).singleElement()
					.satisfies((a) -> assertThat(a.get("outcome").asString()).isEqualTo("connection_refused"))));

		CountDownLatch release = new CountDownLatch(1);
		this.receiver.respondWith((request) -> {
			try {
				release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return 200;
		});
		this.gateway.admin("PUT", "/config",
				"{\"webhook_url\":\"" + this.receiver.url() + "\",\"webhook_timeout_ms\":200}");
		String slow = pay(20000, "{}");
		try {
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(truthEvents(slow))
					.allSatisfy((e) -> assertThat(e.get("attempts")).singleElement()
						.satisfies((a) -> assertThat(a.get("outcome").asString()).isEqualTo("timeout"))));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void eventsWaitForAWebhookUrlAndGoOutOnceOneIsSet() {
		this.gateway.admin("PUT", "/config", "{\"webhook_url\":\"\"}");
		String paymentId = pay(20000, "{}");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.gateway.admin("GET", "/truth", null).get("pending_deliveries").asInt())
				.isEqualTo(2));
		assertThat(truthEvents(paymentId)).allSatisfy((e) -> assertThat(e.get("attempts")).isEmpty());
		assertThat(this.receiver.received()).isEmpty();
		this.gateway.admin("PUT", "/config", "{\"webhook_url\":\"" + this.receiver.url() + "\"}");
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(2));
	}

	@Test
	void delaysAndReorderStillDeliverEverything() {
		this.gateway.admin("PUT", "/config", "{\"min_delay_ms\":100,\"max_delay_ms\":300,\"reorder\":true}");
		long before = System.currentTimeMillis();
		List<String> payments = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			payments.add(pay(10000 + i, "{}"));
		}
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(10));
		JsonNode truth = this.gateway.admin("GET", "/truth", null);
		for (JsonNode event : truth.get("events")) {
			assertThat(event.get("attempts").get(0).get("at").asLong() - before).isGreaterThanOrEqualTo(100);
		}
		assertThat(this.receiver.received().stream().map((r) -> r.payment().get("id").asString()).distinct())
			.containsExactlyInAnyOrderElementsOf(payments);
	}

	@Test
	void threeHundredOrdersPaidConcurrentlyHaveEveryEventDelivered() throws Exception {
		int orders = 300;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<String> paymentIds = new ArrayList<>();
		try {
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < orders; i++) {
				long amount = 10000 + i;
				futures.add(pool.submit(() -> pay(amount, "{\"method\":\"upi\",\"vpa\":\"t@upi\"}")));
			}
			for (Future<String> future : futures) {
				paymentIds.add(future.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(new HashSet<>(paymentIds)).hasSize(orders);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(this.receiver.received()).hasSize(2 * orders));
		Set<String> eventIds = this.receiver.received()
			.stream()
			.map(WebhookReceiver.Received::eventId)
			.collect(Collectors.toSet());
		assertThat(eventIds).hasSize(2 * orders);
		JsonNode truth = this.gateway.admin("GET", "/truth", null);
		assertThat(truth.get("events")).hasSize(2 * orders)
			.allSatisfy((e) -> assertThat(e.get("delivered").asBoolean()).isTrue());
		assertThat(truth.get("pending_deliveries").asInt()).isZero();
		long expected = 0;
		for (int i = 0; i < orders; i++) {
			expected += 10000 + i;
		}
		assertThat(truth.get("captured_total").asLong()).isEqualTo(expected);
		assertThat(this.receiver.ofType("order.paid")).hasSize(orders);
	}

	/** Creates and pays an order through the admin API; returns the payment id. */
	private String pay(long amount, String body) {
		String orderId = order(amount).get("id").asString();
		return this.gateway.pay(orderId, body).get("id").asString();
	}

}
