package eco.qubeprepaid.payment.settlement;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;

import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;
import eco.qubeprepaid.payment.support.GatewaySandbox;
import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import eco.qubeprepaid.service.time.Ist;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's settlement report of a day beside what payment-service recorded: a
 * payment whose webhook came matches; one whose webhook never came is listed as missing
 * here, and reconciling the day credits it once; reading the comparison changes nothing.
 */
class SettlementReportIT extends PaymentIntegrationTest {

	@Test
	void aPaymentTheGatewaySettledButNoWebhookReportedIsFoundAndCreditedOnce() {
		JsonNode delivered = pay("Settle.Flat-1", 25000);
		byte[] body = eventBody("payment.captured", delivered);
		assertThat(webhook(body, WebhookSignature.sign(GatewaySandbox.WEBHOOK_SECRET, body), "evt_settle_1").body())
			.contains("CREDITED");
		JsonNode missed = pay("Settle.Flat-2", 35000);
		LocalDate day = Ist.date(Instant.ofEpochSecond(missed.get("captured_at").asLong()));

		JsonNode before = JSON.readTree(get("/api/settlements/" + day, VIEWER_OPERATOR).body());
		assertThat(strings(before.get("missingHere"))).contains(missed.get("id").asString())
			.doesNotContain(delivered.get("id").asString());
		assertThat(before.get("gatewayPayments").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(captured("Settle.Flat-2")).containsExactly(0, 0);

		assertThat(post("/api/settlements/" + day + "/reconcile", "", VIEWER_OPERATOR).statusCode()).isEqualTo(403);
		HttpResponse<String> reconciled = post("/api/settlements/" + day + "/reconcile", "", MONEY_OPERATOR);
		assertThat(reconciled.statusCode()).as(reconciled.body()).isEqualTo(200);
		JsonNode after = JSON.readTree(reconciled.body());
		assertThat(after.get("credited").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(strings(after.get("comparison").get("missingHere"))).doesNotContain(missed.get("id").asString());
		assertThat(captured("Settle.Flat-2")).containsExactly(1, 35000);

		post("/api/settlements/" + day + "/reconcile", "", MONEY_OPERATOR);
		assertThat(captured("Settle.Flat-2")).containsExactly(1, 35000);
		assertThat(JSON.readTree(get("/api/audit?target=settlement:" + day, VIEWER_OPERATOR).body())
			.get(0)
			.get("action")
			.asString()).isEqualTo("settlement.reconcile");
	}

	@Test
	void aBadOrFutureDayIsRefused() {
		assertThat(get("/api/settlements/yesterday", VIEWER_OPERATOR).statusCode()).isEqualTo(400);
		assertThat(get("/api/settlements/2999-01-01", VIEWER_OPERATOR).statusCode()).isEqualTo(400);
		assertThat(get("/api/settlements/2026-01-01", null).statusCode()).isEqualTo(401);
	}

	private JsonNode pay(String premise, long amount) {
		JsonNode topUp = startTopUp(premise, amount);
		return gateway().pay(topUp.get("orderId").asString(), false);
	}

	private static java.util.List<String> strings(JsonNode array) {
		java.util.List<String> values = new java.util.ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
