package eco.qubeprepaid.payment.topup;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;
import eco.qubeprepaid.payment.support.GatewaySandbox;
import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every webhook that is not a genuine, new event is refused (4xx) or logged and ignored
 * (2xx with its outcome), credits nothing and leaves nothing half-written.
 */
class WebhookRefusalsIT extends PaymentIntegrationTest {

	@Test
	void aMissingSignatureIsRefusedAndChangesNothing() {
		Paid paid = paid("Refuse.Missing");
		HttpResponse<String> response = webhook(paid.body(), null, "evt_missing_sig");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("no X-Razorpay-Signature");
		assertNothingRecorded(paid, "evt_missing_sig");
	}

	@Test
	void aBadSignatureIsRefusedAndChangesNothing() {
		Paid paid = paid("Refuse.Bad");
		HttpResponse<String> notHex = webhook(paid.body(), "not-a-signature", "evt_bad_sig");
		String other = WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, "{}".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> otherBody = webhook(paid.body(), other, "evt_bad_sig");

		assertThat(notHex.statusCode()).isEqualTo(401);
		assertThat(otherBody.statusCode()).isEqualTo(401);
		assertThat(otherBody.body()).contains("does not match its body");
		assertNothingRecorded(paid, "evt_bad_sig");
	}

	@Test
	void aBodySignedWithTheWrongSecretIsRefused() {
		Paid paid = paid("Refuse.Secret");
		HttpResponse<String> response = webhook(paid.body(), WebhookSignature.sign("guessed-secret", paid.body()),
				"evt_wrong_secret");

		assertThat(response.statusCode()).isEqualTo(401);
		assertNothingRecorded(paid, "evt_wrong_secret");
	}

	@Test
	void aBodyAlteredAfterSigningIsRefused() {
		Paid paid = paid("Refuse.Altered");
		String signature = WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, paid.body());
		byte[] altered = new String(paid.body(), StandardCharsets.UTF_8)
			.replace("\"amount\":" + paid.amount(), "\"amount\":" + (paid.amount() * 100))
			.getBytes(StandardCharsets.UTF_8);

		assertThat(webhook(altered, signature, "evt_altered").statusCode()).isEqualTo(401);
		assertNothingRecorded(paid, "evt_altered");
	}

	@Test
	void theOldSecretIsStillAcceptedDuringARotation() {
		Paid paid = paid("Rotate.Old");
		HttpResponse<String> response = webhook(paid.body(), WebhookSignature.sign(OLD_SECRET, paid.body()),
				"evt_old_secret");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("CREDITED");
		assertThat(captured("Rotate.Old")).containsExactly(1, paid.amount());
	}

	@Test
	void aMalformedBodyIsRefusedWithWhatIsWrong() {
		byte[] notJson = "{\"entity\":\"event\",".getBytes(StandardCharsets.UTF_8);
		byte[] noAmount = eventBody("payment.captured", JSON.readTree(
				"{\"id\":\"pay_noamount\",\"order_id\":\"order_x\",\"currency\":\"INR\",\"status\":\"captured\"}"));

		HttpResponse<String> first = signedWebhook(notJson, "evt_not_json");
		HttpResponse<String> second = signedWebhook(noAmount, "evt_no_amount");

		assertThat(first.statusCode()).isEqualTo(400);
		assertThat(first.body()).contains("not JSON");
		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(second.body()).contains("no positive integer amount");
		assertThat(events("evt_not_json")).isZero();
		assertThat(events("evt_no_amount")).isZero();
	}

	@Test
	void aMissingEventIdIsRefused() {
		Paid paid = paid("Refuse.NoId");
		HttpResponse<String> response = webhook(paid.body(),
				WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, paid.body()), null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("X-Razorpay-Event-Id");
		assertThat(captured("Refuse.NoId")).containsExactly(0, 0);
	}

	@Test
	void aCapturedEventWhosePaymentIsNotCapturedRollsBackWhole() {
		Paid paid = paid("Refuse.Inconsistent");
		ObjectNode payment = (ObjectNode) paid.payment().deepCopy();
		payment.put("status", "authorized");
		HttpResponse<String> response = signedWebhook(eventBody("payment.captured", payment), "evt_inconsistent");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("in status authorized");
		assertNothingRecorded(paid, "evt_inconsistent");
	}

	@Test
	void anUnknownEventTypeIsLoggedAndIgnored() {
		Paid paid = paid("Ignore.Type");
		HttpResponse<String> response = signedWebhook(eventBody("payment.dispute.created", paid.payment()),
				"evt_unknown_type");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("IGNORED_EVENT_TYPE");
		assertThat(captured("Ignore.Type")).containsExactly(0, 0);
	}

	@Test
	void aReplayedOldEventChangesNothing() {
		Paid paid = paid("Replay.Old");
		assertThat(signedWebhook(paid.body(), "evt_replayed").body()).contains("CREDITED");

		HttpResponse<String> replay = signedWebhook(paid.body(), "evt_replayed");
		HttpResponse<String> newIdSamePayment = signedWebhook(paid.body(), "evt_replayed_again");
		HttpResponse<String> lateFailure = signedWebhook(eventBody("payment.failed", failedCopy(paid.payment())),
				"evt_late_failure");

		assertThat(replay.body()).contains("DUPLICATE");
		assertThat(newIdSamePayment.body()).contains("ALREADY_CAPTURED");
		assertThat(lateFailure.body()).contains("STALE");
		assertThat(captured("Replay.Old")).containsExactly(1, paid.amount());
		assertThat(creditsInOutbox("Replay.Old")).isEqualTo(1);
		assertThat(status("Replay.Old")).isEqualTo("CAPTURED");
	}

	@Test
	void aPaymentForAnOrderThatIsNotOursIsIgnored() {
		JsonNode foreign = JSON.readTree("{\"id\":\"pay_foreign000001\",\"order_id\":\"order_notours00001\","
				+ "\"amount\":50000,\"currency\":\"INR\",\"status\":\"captured\",\"captured_at\":1733200000}");
		HttpResponse<String> response = signedWebhook(eventBody("payment.captured", foreign), "evt_foreign");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("UNKNOWN_ORDER");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM captured_payments WHERE payment_id = ?", Long.class,
				"pay_foreign000001"))
			.isZero();
	}

	private HttpResponse<String> signedWebhook(byte[] body, String eventId) {
		return webhook(body, WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, body), eventId);
	}

	private Paid paid(String premise) {
		long amount = 20000;
		JsonNode topUp = startTopUp(premise, amount);
		JsonNode payment = gateway().pay(topUp.get("orderId").asString(), false);
		return new Paid(payment, eventBody("payment.captured", payment), amount);
	}

	private static JsonNode failedCopy(JsonNode payment) {
		ObjectNode failed = (ObjectNode) payment.deepCopy();
		failed.put("status", "failed");
		failed.put("error_description", "late failure");
		return failed;
	}

	private void assertNothingRecorded(Paid paid, String eventId) {
		String premise = this.jdbc.queryForObject("SELECT premise_id FROM top_ups WHERE order_id = ?", String.class,
				paid.payment().get("order_id").asString());
		assertThat(captured(premise)).containsExactly(0, 0);
		assertThat(creditsInOutbox(premise)).isZero();
		assertThat(events(eventId)).isZero();
		assertThat(status(premise)).isEqualTo("OPEN");
	}

	private long events(String eventId) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM webhook_events WHERE event_id = ?", Long.class,
				eventId);
		return (count != null) ? count : 0;
	}

	private String status(String premise) {
		return this.jdbc.queryForObject("SELECT status FROM top_ups WHERE premise_id = ?", String.class, premise);
	}

	private record Paid(JsonNode payment, byte[] body, long amount) {
	}

}
