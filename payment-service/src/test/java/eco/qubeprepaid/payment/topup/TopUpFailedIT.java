package eco.qubeprepaid.payment.topup;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;
import eco.qubeprepaid.payment.support.GatewaySandbox;
import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A top-up whose payment fails is told once: the gateway's {@code payment.failed} webhook
 * that moves it into {@code FAILED} appends one {@code TopUpFailed} to the outbox, and
 * nothing after (the same webhook again, a second failed attempt, a failure that arrives
 * after the capture) appends another.
 */
class TopUpFailedIT extends PaymentIntegrationTest {

	@Test
	void aFailedPaymentAppendsOneTopUpFailed() {
		String premise = "Failed.Once";
		JsonNode topUp = startTopUp(premise, 30000);
		String orderId = topUp.get("orderId").asString();
		JsonNode payment = gateway().admin("POST", "/orders/" + orderId + "/pay",
				"{\"method\":\"upi\",\"vpa\":\"tenant@upi\",\"outcome\":\"failure\",\"webhooks\":false}");
		assertThat(payment.get("status").asString()).isEqualTo("failed");
		byte[] body = eventBody("payment.failed", payment);

		HttpResponse<String> first = signedWebhook(body, "evt_failed_once");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("FAILURE_RECORDED");
		List<Map<String, Object>> rows = failuresInOutbox(premise);
		assertThat(rows).hasSize(1);
		Map<String, Object> row = rows.get(0);
		UUID topUpId = UUID.fromString(topUp.get("topUpId").asString());
		assertThat(row.get("topic")).isEqualTo(Topics.TENANTS);
		assertThat(row.get("event_id"))
			.isEqualTo(UUID.nameUUIDFromBytes(("top-up-failed|" + topUpId).getBytes(StandardCharsets.UTF_8)));
		JsonNode event = JSON.readTree((byte[]) row.get("payload"));
		assertThat(event.get("premiseId").asString()).isEqualTo(premise);
		assertThat(event.get("topUpId").asString()).isEqualTo(topUpId.toString());
		assertThat(event.get("amountPaise").asLong()).isEqualTo(30000);
		assertThat(event.get("reason").asString()).isEqualTo("payment_failed");
		assertThat(status(premise)).isEqualTo("FAILED");

		HttpResponse<String> again = signedWebhook(body, "evt_failed_once");
		ObjectNode secondAttempt = (ObjectNode) payment.deepCopy();
		secondAttempt.put("id", "pay_failedagain0001");
		HttpResponse<String> anotherAttempt = signedWebhook(eventBody("payment.failed", secondAttempt),
				"evt_failed_again");

		assertThat(again.body()).contains("DUPLICATE");
		assertThat(anotherAttempt.body()).contains("FAILURE_RECORDED");
		assertThat(failuresInOutbox(premise)).hasSize(1);
	}

	@Test
	void aFailureAfterTheCaptureAppendsNothing() {
		String premise = "Failed.AfterCapture";
		JsonNode topUp = startTopUp(premise, 20000);
		JsonNode payment = gateway().pay(topUp.get("orderId").asString(), false);
		assertThat(signedWebhook(eventBody("payment.captured", payment), "evt_captured_first").body())
			.contains("CREDITED");
		ObjectNode failed = (ObjectNode) payment.deepCopy();
		failed.put("status", "failed");
		failed.put("error_reason", "payment_declined");

		HttpResponse<String> lateFailure = signedWebhook(eventBody("payment.failed", failed), "evt_failed_late");

		assertThat(lateFailure.body()).contains("STALE");
		assertThat(failuresInOutbox(premise)).isEmpty();
		assertThat(creditsInOutbox(premise)).isEqualTo(1);
		assertThat(status(premise)).isEqualTo("CAPTURED");
	}

	private HttpResponse<String> signedWebhook(byte[] body, String eventId) {
		return webhook(body, WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, body), eventId);
	}

	private List<Map<String, Object>> failuresInOutbox(String premise) {
		return this.jdbc.queryForList("SELECT event_id, topic, payload FROM outbox"
				+ " WHERE event_type = 'top-up-failed' AND message_key = ?", premise);
	}

	private String status(String premise) {
		return this.jdbc.queryForObject("SELECT status FROM top_ups WHERE premise_id = ?", String.class, premise);
	}

}
