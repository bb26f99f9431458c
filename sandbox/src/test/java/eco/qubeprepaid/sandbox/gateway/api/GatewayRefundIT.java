package eco.qubeprepaid.sandbox.gateway.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import eco.qubeprepaid.sandbox.gateway.GatewayHttp;
import eco.qubeprepaid.sandbox.gateway.GatewayITSupport;
import eco.qubeprepaid.sandbox.gateway.WebhookReceiver;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds over real HTTP: the idempotency header, limits, processing and
 * refund.processed.
 */
class GatewayRefundIT extends GatewayITSupport {

	@Test
	void refundsOnceUnderAnIdempotencyKeyAndSendsRefundProcessed() {
		String paymentId = capturedPayment(20000);
		String body = "{\"amount\":5000,\"notes\":{\"reason\":\"overpaid\"},\"receipt\":\"rf_1\"}";
		SandboxHttp.Response first = refund(paymentId, "key-a", body);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode refund = first.json();
		assertThat(refund.get("id").asString()).matches("rfnd_[0-9A-Za-z]{14}");
		assertThat(refund.get("entity").asString()).isEqualTo("refund");
		assertThat(refund.get("amount").asLong()).isEqualTo(5000);
		assertThat(refund.get("currency").asString()).isEqualTo("INR");
		assertThat(refund.get("payment_id").asString()).isEqualTo(paymentId);
		assertThat(refund.get("notes").get("reason").asString()).isEqualTo("overpaid");
		assertThat(refund.get("receipt").asString()).isEqualTo("rf_1");
		assertThat(refund.get("status").asString()).isEqualTo("processed");
		assertThat(refund.get("processed_at").asLong()).isGreaterThanOrEqualTo(refund.get("created_at").asLong());

		SandboxHttp.Response again = refund(paymentId, "key-a",
				"{\"receipt\":\"rf_1\",\"notes\":{\"reason\":\"overpaid\"},\"amount\":5000}");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(refund);

		SandboxHttp.Response mismatch = refund(paymentId, "key-a", "{\"amount\":6000}");
		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.json().get("error").get("description").asString()).contains("X-Refund-Idempotency")
			.contains("amount differs");
		assertThat(mismatch.json().get("error").get("field").asString()).isEqualTo("amount");

		SandboxHttp.Response missing = this.gateway.send("POST", "/v1/payments/" + paymentId + "/refund", body,
				Map.of("Authorization", GatewayHttp.basic(GatewayHttp.KEY_ID, GatewayHttp.KEY_SECRET)));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("error").get("description").asString()).contains("X-Refund-Idempotency");

		JsonNode payment = this.gateway.api("GET", "/v1/payments/" + paymentId, null).json();
		assertThat(payment.get("amount_refunded").asLong()).isEqualTo(5000);
		assertThat(payment.get("refund_status").asString()).isEqualTo("partial");
		assertThat(payment.get("status").asString()).isEqualTo("captured");
		JsonNode refunds = this.gateway.api("GET", "/v1/payments/" + paymentId + "/refunds", null).json();
		assertThat(refunds.get("count").asInt()).isEqualTo(1);
		assertThat(refunds.get("items").get(0)).isEqualTo(refund);
		assertThat(this.gateway.api("GET", "/v1/refunds/" + refund.get("id").asString(), null).json())
			.isEqualTo(refund);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.receiver.ofType("refund.processed")).hasSize(1));
		WebhookReceiver.Received webhook = this.receiver.ofType("refund.processed").get(0);
		assertThat(webhook.signedWith(GatewayHttp.WEBHOOK_SECRET)).isTrue();
		JsonNode json = webhook.json();
		assertThat(json.get("contains").toString()).isEqualTo("[\"refund\",\"payment\"]");
		assertThat(json.get("payload").get("refund").get("entity")).isEqualTo(refund);
		assertThat(webhook.payment().get("amount_refunded").asLong()).isEqualTo(5000);
		assertThat(webhook.payment().get("refund_status").asString()).isEqualTo("partial");
	}

	@Test
	void refusesRefundsBeyondWhatIsLeftAndOfPaymentsNotCaptured() {
		String paymentId = capturedPayment(20000);
		assertRefused(paymentId, "k1", "{\"amount\":99}", 400, "atleast INR 1.00");
		assertRefused(paymentId, "k2", "{\"amount\":20001}", 400, "20000 paise not yet refunded");
		assertRefused(paymentId, "k3", "{\"amount\":\"500\"}", 400, "The amount must be an integer.");
		assertRefused(paymentId, "k4", "{\"amount\":", 400, "not valid JSON");
		assertRefused("pay_00000000000000", "k5", "{}", 404, "The id provided does not exist");
		SandboxHttp.Response rest = refund(paymentId, "k1", null);
		assertThat(rest.status()).as("a refused first request left its key free").isEqualTo(200);
		assertThat(rest.json().get("amount").asLong()).isEqualTo(20000);
		JsonNode payment = this.gateway.api("GET", "/v1/payments/" + paymentId, null).json();
		assertThat(payment.get("status").asString()).isEqualTo("refunded");
		assertThat(payment.get("refund_status").asString()).isEqualTo("full");
		assertThat(payment.get("captured").asBoolean()).isTrue();
		assertRefused(paymentId, "k6", "{}", 400, "fully refunded");
		String orderId = order(20000).get("id").asString();
		String failed = this.gateway.pay(orderId, "{\"outcome\":\"failure\"}").get("id").asString();
		assertRefused(failed, "k7", "{}", 400, "has not been captured");
	}

	@Test
	void aPendingRefundIsProcessedAfterTheConfiguredDelay() {
		this.gateway.admin("PUT", "/config", "{\"refund_processing_delay_ms\":300}");
		String paymentId = capturedPayment(20000);
		JsonNode refund = refund(paymentId, "slow-1", "{\"amount\":1000}").json();
		assertThat(refund.get("status").asString()).isEqualTo("pending");
		assertThat(refund.get("processed_at").isNull()).isTrue();
		String refundId = refund.get("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.gateway.api("GET", "/v1/refunds/" + refundId, null).json().get("status").asString())
				.isEqualTo("processed"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.receiver.ofType("refund.processed")).hasSize(1));
		assertThat(this.receiver.ofType("refund.processed")
			.get(0)
			.json()
			.get("payload")
			.get("refund")
			.get("entity")
			.get("status")
			.asString()).isEqualTo("processed");
	}

	@Test
	void concurrentRequestsWithOneKeyMakeOneRefund() throws Exception {
		String paymentId = capturedPayment(20000);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<SandboxHttp.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				calls.add(() -> refund(paymentId, "same-key", "{\"amount\":1000}"));
			}
			Map<Integer, Integer> statuses = new HashMap<>();
			List<String> ids = new ArrayList<>();
			for (Future<SandboxHttp.Response> future : pool.invokeAll(calls)) {
				SandboxHttp.Response response = future.get();
				statuses.merge(response.status(), 1, Integer::sum);
				if (response.status() == 200) {
					ids.add(response.json().get("id").asString());
				}
				else {
					assertThat(response.status()).as(response.body()).isEqualTo(409);
					assertThat(response.json().get("error").get("description").asString())
						.contains("still being processed");
				}
			}
			assertThat(ids).isNotEmpty();
			assertThat(ids.stream().distinct()).hasSize(1);
			assertThat(statuses.keySet()).isSubsetOf(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.gateway.admin("GET", "/truth", null).get("refunds")).hasSize(1);
		assertThat(this.gateway.api("GET", "/v1/payments/" + paymentId, null).json().get("amount_refunded").asLong())
			.isEqualTo(1000);
	}

	private String capturedPayment(long amount) {
		String orderId = order(amount).get("id").asString();
		return this.gateway.pay(orderId, "{\"method\":\"upi\",\"vpa\":\"tenant@okbank\"}").get("id").asString();
	}

	private SandboxHttp.Response refund(String paymentId, String key, String body) {
		return this.gateway.send("POST", "/v1/payments/" + paymentId + "/refund", body, Map.of("Authorization",
				GatewayHttp.basic(GatewayHttp.KEY_ID, GatewayHttp.KEY_SECRET), "X-Refund-Idempotency", key));
	}

	private void assertRefused(String paymentId, String key, String body, int status, String description) {
		SandboxHttp.Response response = refund(paymentId, key, body);
		assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(status);
		assertThat(response.json().get("error").get("description").asString()).contains(description);
	}

}
