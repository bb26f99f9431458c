package eco.qubeprepaid.payment.refund;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;
import eco.qubeprepaid.payment.refund.application.RefundWorker;
import eco.qubeprepaid.payment.support.GatewaySandbox;
import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refund requests on the real PostgreSQL and gateway simulator, with balance-service down
 * (nothing listens where payment-service looks for it): the request is kept, its amount
 * reserved, answered 202 and tried again by the worker, never given up and never sent to
 * the gateway before the wallet is debited; the same request again is the same refund;
 * bad requests and read-only operators are refused and change nothing; a
 * {@code refund.processed} for a refund not made here is logged and changes nothing.
 */
class RefundRequestsIT extends PaymentIntegrationTest {

	@Autowired
	RefundWorker worker;

	@Test
	void withTheWalletUnreachableARefundIsKeptReservedAndRetriedNeverSentAhead() throws Exception {
		String paymentId = capturedPayment("Refund.Outage", 30_000);
		HttpResponse<String> accepted = refund(paymentId, "outage-1", "{\"amountPaise\":10000,\"reason\":\"overpaid\"}",
				MONEY_OPERATOR);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		JsonNode refund = JSON.readTree(accepted.body());
		assertThat(refund.get("status").asString()).isEqualTo("REQUESTED");
		assertThat(refund.get("lastError").asString()).contains("balance-service cannot be reached");
		assertThat(accepted.headers().firstValue("Location"))
			.hasValue("/api/refunds/" + refund.get("refundId").asString());

		this.jdbc.update("UPDATE refunds SET updated_at = updated_at - interval '1 minute' WHERE refund_id = ?::uuid",
				refund.get("refundId").asString());
		this.worker.round();
		JsonNode after = JSON
			.readTree(get("/api/refunds/" + refund.get("refundId").asString(), VIEWER_OPERATOR).body());
		assertThat(after.get("status").asString()).as("a transient outage is retried, never given up")
			.isEqualTo("REQUESTED");
		assertThat(after.get("attempts").asInt()).isEqualTo(2);
		assertThat(gatewayRefundsOf(paymentId)).as("nothing sent before the wallet is debited").isZero();

		HttpResponse<String> same = refund(paymentId, "outage-1", "{\"amountPaise\":10000,\"reason\":\"overpaid\"}",
				MONEY_OPERATOR);
		assertThat(JSON.readTree(same.body()).get("refundId").asString()).isEqualTo(refund.get("refundId").asString());
		HttpResponse<String> reused = refund(paymentId, "outage-1", "{\"amountPaise\":500,\"reason\":\"overpaid\"}",
				MONEY_OPERATOR);
		assertThat(reused.statusCode()).isEqualTo(409);
		assertThat(reused.body()).contains("use a new key");
		HttpResponse<String> beyond = refund(paymentId, "outage-2", "{\"amountPaise\":20001,\"reason\":\"rest\"}",
				MONEY_OPERATOR);
		assertThat(beyond.statusCode()).as("the 10,000 in flight is reserved").isEqualTo(409);
		assertThat(beyond.body()).contains("at most ₹200.00 can still be");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM refunds WHERE payment_id = ?", Long.class, paymentId))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT refunded_paise FROM captured_payments WHERE payment_id = ?",
				Long.class, paymentId))
			.isEqualTo(10_000);
		assertThat(get("/api/audit", VIEWER_OPERATOR).body()).contains("refund.requested", "overpaid");
	}

	@Test
	void badRequestsAndReadOnlyOperatorsAreRefusedAndChangeNothing() throws Exception {
		String paymentId = capturedPayment("Refund.Bad", 10_000);
		String[][] cases = { { "k-1", "{\"amountPaise\":1000}", "400", "reason is required" },
				{ "k-2", "{\"amountPaise\":0,\"reason\":\"x\"}", "400", "more than zero" },
				{ "k-3", "{\"amountPaise\":50,\"reason\":\"x\"}", "400", "at least ₹1.00" },
				{ "k-4", "{\"amountPaise\":10001,\"reason\":\"x\"}", "409", "at most ₹100.00" },
				{ null, "{\"amountPaise\":1000,\"reason\":\"x\"}", "400", "Idempotency-Key header is required" } };
		for (String[] c : cases) {
			HttpResponse<String> response = refund(paymentId, c[0], c[1], MONEY_OPERATOR);
			assertThat(response.statusCode()).as(c[1]).isEqualTo(Integer.parseInt(c[2]));
			assertThat(response.body()).as(c[1]).contains(c[3]);
		}
		assertThat(refund("pay_NotOurs", "k-5", "{\"reason\":\"x\"}", MONEY_OPERATOR).statusCode()).isEqualTo(404);
		assertThat(refund(paymentId, "k-6", "{\"reason\":\"x\"}", VIEWER_OPERATOR).statusCode()).isEqualTo(403);
		assertThat(refund(paymentId, "k-7", "{\"reason\":\"x\"}", null).statusCode()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM refunds WHERE payment_id = ?", Long.class, paymentId))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT refunded_paise FROM captured_payments WHERE payment_id = ?",
				Long.class, paymentId))
			.isZero();
		assertThat(get("/api/payments?premiseId=Refund.Bad", VIEWER_OPERATOR).body())
			.contains("\"refundablePaise\":10000");
	}

	@Test
	void aProcessedRefundThisServiceNeverMadeIsLoggedAndChangesNothing() {
		String paymentId = capturedPayment("Refund.Foreign", 10_000);
		String body = "{\"entity\":\"event\",\"event\":\"refund.processed\",\"payload\":{\"refund\":{\"entity\":"
				+ "{\"id\":\"rfnd_Dashboard1\",\"entity\":\"refund\",\"amount\":2000,\"currency\":\"INR\","
				+ "\"payment_id\":\"" + paymentId + "\",\"receipt\":null,\"status\":\"processed\"}}}}";
		byte[] raw = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		HttpResponse<String> answer = webhook(raw, WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, raw),
				"evt_foreign_refund");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("UNKNOWN_REFUND");
		assertThat(this.jdbc.queryForObject("SELECT refunded_paise FROM captured_payments WHERE payment_id = ?",
				Long.class, paymentId))
			.isZero();
	}

	private String capturedPayment(String premiseId, long amountPaise) {
		JsonNode topUp = startTopUp(premiseId, amountPaise);
		JsonNode payment = gateway().pay(topUp.get("orderId").asString(), false);
		byte[] captured = eventBody("payment.captured", payment);
		HttpResponse<String> answer = webhook(captured, WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, captured),
				"evt_cap_" + payment.get("id").asString());
		assertThat(answer.body()).contains("CREDITED");
		return payment.get("id").asString();
	}

	private long gatewayRefundsOf(String paymentId) {
		long count = 0;
		for (JsonNode refund : gateway().truth().get("refunds")) {
			if (paymentId.equals(refund.get("payment_id").asString())) {
				count++;
			}
		}
		return count;
	}

	private HttpResponse<String> refund(String paymentId, String key, String body, String authorization)
			throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/payments/" + paymentId + "/refunds"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key + "-" + paymentId);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
