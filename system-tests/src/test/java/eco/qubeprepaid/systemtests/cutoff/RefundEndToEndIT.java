package eco.qubeprepaid.systemtests.cutoff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.systemtests.cutoff.CutoffLab.Premise;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import eco.qubeprepaid.testsupport.OperatorAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds through the whole system: an operator refunds part of a tenant's captured
 * payment; balance-service takes it from the wallet and sets the meter to the new
 * balance; the gateway refunds it under the refund's id (pending at first, then its
 * {@code refund.processed} webhook); the same request again is the same refund; more than
 * is left is refused; a refund that would take the wallet below its floor is refused with
 * nothing taken, and goes through only with the operator's explicit override; and at the
 * end the ledger's top-ups less its refunds equal the gateway's captured less refunded
 * for the premise.
 */
class RefundEndToEndIT {

	private static final Duration BOUND = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CutoffLab lab = new CutoffLab();

	private final SystemUnderTest system = SystemUnderTest.get();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void restore() {
		this.system.gateway("PUT", "/config", Map.of("refund_processing_delay_ms", 0));
		this.lab.pause();
	}

	@Test
	void aRefundLeavesTheWalletTheMeterAndTheGatewayInStepAndNeverBreaksTheFloorUnasked() throws Exception {
		Premise premise = this.lab.newPremises(1, MeterMode.PREPAID, 0).get(0);
		this.lab.awaitFirstReading(premise);
		JsonNode topUp = this.system.payment("POST", "/api/top-ups",
				Map.of("premiseId", premise.id(), "amountPaise", 20_000));
		this.system.gateway("POST", "/orders/" + topUp.get("orderId").asString() + "/pay", Map.of("method", "upi"));
		await("the payment on the meter").atMost(BOUND)
			.until(() -> this.lab.relayOn(premise) && this.lab.meterBalance(premise) == 20_000);
		String paymentId = this.system.payment("GET", "/api/payments?premiseId=" + premise.id(), null)
			.get(0)
			.get("paymentId")
			.asString();

		// The gateway keeps the refund pending a moment: processed by its webhook.
		this.system.gateway("PUT", "/config", Map.of("refund_processing_delay_ms", 300));
		String partial = "{\"amountPaise\":5000,\"reason\":\"billed for a day before move-in\","
				+ "\"operator\":\"asha\"}";
		HttpResponse<String> refunded = refund(paymentId, "refund-1", partial);
		assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
		JsonNode refund = JSON.readTree(refunded.body());
		assertThat(refund.get("status").asString()).isEqualTo("SENT");
		assertThat(refund.get("balanceAfterPaise").asLong()).isEqualTo(15_000);
		assertThat(refund.get("requestedBy").asString()).isEqualTo("asha (ops-money)");
		String refundId = refund.get("refundId").asString();
		await("the gateway's refund.processed").atMost(BOUND)
			.until(() -> "PROCESSED"
				.equals(this.system.payment("GET", "/api/refunds/" + refundId, null).get("status").asString()));
		await("the new balance on the meter").atMost(BOUND).until(() -> this.lab.meterBalance(premise) == 15_000);
		assertThat(this.lab.balance(premise)).isEqualTo(15_000);
		assertThat(this.lab.relayOn(premise)).as("a tenant with credit is never cut").isTrue();

		HttpResponse<String> again = refund(paymentId, "refund-1", partial);
		assertThat(JSON.readTree(again.body()).get("refundId").asString()).as("the same request is the same refund")
			.isEqualTo(refundId);
		assertThat(this.lab.balance(premise)).isEqualTo(15_000);
		HttpResponse<String> tooMuch = refund(paymentId, "refund-2", "{\"amountPaise\":16000,\"reason\":\"x\"}");
		assertThat(tooMuch.statusCode()).isEqualTo(409);
		assertThat(tooMuch.body()).contains("at most ₹150.00 can still be");

		// The wallet is down to ₹50 (an operator's debit); refunding the rest, ₹150,
		// would
		// leave it at −₹100, below the floor of zero.
		this.system.balance("POST", "/api/premises/" + premise.id() + "/adjustments", Map.of("direction", "debit",
				"amountPaise", 10_000, "reason", "meter fee for November", "key", "fee-" + premise.id()));
		this.system.gateway("PUT", "/config", Map.of("refund_processing_delay_ms", 0));
		HttpResponse<String> refused = refund(paymentId, "refund-3", "{\"reason\":\"tenant moved out\"}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("REFUSED", "below the floor of ₹0.00", "at most ₹50.00 can be taken");
		assertThat(this.lab.balance(premise)).as("nothing taken").isEqualTo(5_000);
		assertThat(refundedAtGateway(paymentId)).isEqualTo(5_000);

		HttpResponse<String> overridden = refund(paymentId, "refund-4",
				"{\"amountPaise\":6000,\"reason\":\"tenant moved out; arrears waived\",\"overrideFloor\":true}");
		assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
		assertThat(JSON.readTree(overridden.body()).get("status").asString()).isEqualTo("PROCESSED");
		assertThat(this.lab.balance(premise)).isEqualTo(-1_000);
		assertThat(refundedAtGateway(paymentId)).isEqualTo(11_000);

		// The ledger's top-ups less refunds = the gateway's captured less refunded.
		long ledgerNet = 0;
		for (JsonNode line : this.system.balance("GET", "/api/premises/" + premise.id() + "/statement", null)
			.get("lines")) {
			String kind = line.get("kind").asString();
			if (kind.equals("TOP_UP") || kind.equals("REFUND") || kind.equals("REFUND_REVERSAL")) {
				ledgerNet += line.get("amountPaise").asLong();
			}
		}
		assertThat(ledgerNet).isEqualTo(20_000 - refundedAtGateway(paymentId)).isEqualTo(9_000);
		JsonNode payment = this.system.payment("GET", "/api/payments?premiseId=" + premise.id(), null).get(0);
		assertThat(payment.get("refundedPaise").asLong()).isEqualTo(11_000);
		assertThat(payment.get("refundablePaise").asLong()).isEqualTo(9_000);
		assertThat(this.system.payment("GET", "/api/audit", null).toString()).contains("refund.requested",
				"asha (ops-money)", "billed for a day before move-in", "the wallet's floor overridden",
				"refund.refused");
	}

	@Test
	void aTenantWhoMovesOutGetsTheirCreditBackThroughTheirPaymentsAndTheRestIsReported() throws Exception {
		Premise premise = this.lab.newPremises(1, MeterMode.PREPAID, 0).get(0);
		this.lab.awaitFirstReading(premise);
		String tenantId = this.system
			.payment("POST", "/api/tenants",
					Map.of("premiseId", premise.id(), "name", "Meera Iyer", "language", "en", "reason", "lease signed"))
			.get("tenantId")
			.asString();
		JsonNode topUp = this.system.payment("POST", "/api/top-ups",
				Map.of("premiseId", premise.id(), "amountPaise", 30_000));
		this.system.gateway("POST", "/orders/" + topUp.get("orderId").asString() + "/pay", Map.of("method", "upi"));
		await("the payment credited").atMost(BOUND)
			.until(() -> this.system.payment("GET", "/api/payments?premiseId=" + premise.id(), null)
				.get(0)
				.get("creditedAt")
				.isString());
		// ₹50 of goodwill: credit that never came through the gateway.
		this.system.balance("POST", "/api/premises/" + premise.id() + "/adjustments", Map.of("direction", "credit",
				"amountPaise", 5_000, "reason", "goodwill", "key", "goodwill-" + premise.id()));
		long before = this.lab.balance(premise);
		assertThat(before).isGreaterThan(30_000);

		JsonNode settlement = this.system.payment("POST", "/api/tenants/" + tenantId + "/move-out",
				Map.of("reason", "lease ended", "operator", "asha"));
		assertThat(settlement.get("tenant").get("movedOutAt").isString()).isTrue();
		assertThat(settlement.get("refunds")).hasSize(1);
		assertThat(settlement.get("refunds").get(0).get("amountPaise").asLong()).isEqualTo(30_000);
		assertThat(settlement.get("refundingPaise").asLong()).isEqualTo(30_000);
		long left = settlement.get("leftOnWalletPaise").asLong();
		assertThat(left).isEqualTo(settlement.get("balancePaise").asLong() - 30_000).isPositive();
		assertThat(settlement.get("toDo").asString()).contains("out to the tenant by hand", "debit adjustment");
		String paymentId = settlement.get("refunds").get(0).get("paymentId").asString();
		await("the refund at the gateway").atMost(BOUND).until(() -> refundedAtGateway(paymentId) == 30_000);
		assertThat(this.lab.balance(premise)).as("what did not come through the gateway stays, to be paid out")
			.isLessThanOrEqualTo(left);

		JsonNode again = this.system.payment("POST", "/api/tenants/" + tenantId + "/final-settlement",
				Map.of("reason", "checking"));
		assertThat(again.get("refunds")).hasSize(1);
		assertThat(again.get("refunds").get(0).get("refundId").asString())
			.isEqualTo(settlement.get("refunds").get(0).get("refundId").asString());
		assertThat(refundedAtGateway(paymentId)).as("settling again refunds nothing twice").isEqualTo(30_000);
		assertThat(this.system.payment("GET", "/api/audit?target=" + premise.id(), null).toString())
			.contains("tenant.final-settlement", "asha (ops-money)");
	}

	private long refundedAtGateway(String paymentId) {
		long refunded = 0;
		for (JsonNode refund : this.system.gateway("GET", "/truth", null).get("refunds")) {
			if (paymentId.equals(refund.get("payment_id").asString())
					&& "processed".equals(refund.get("status").asString())) {
				refunded += refund.get("amount").asLong();
			}
		}
		return refunded;
	}

	private HttpResponse<String> refund(String paymentId, String key, String body) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.system.paymentUrl() + "/api/payments/" + paymentId + "/refunds"))
					.header("Authorization", OperatorAuth.MONEY)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", key + "-" + UUID.nameUUIDFromBytes(paymentId.getBytes()))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
