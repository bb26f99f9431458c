package eco.qubeprepaid.sandbox.gateway.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.sandbox.gateway.GatewayHttp;
import eco.qubeprepaid.sandbox.gateway.GatewayITSupport;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The /v1 API over real HTTP: orders, credentials, errors and the settlement report. */
class GatewayApiIT extends GatewayITSupport {

	private static final String ORDERS = "/v1/orders";

	@Test
	void createsAndFetchesAnOrder() {
		String receipt = receipt();
		SandboxHttp.Response created = this.gateway.api("POST", ORDERS, "{\"amount\":20000,\"currency\":\"INR\","
				+ "\"receipt\":\"" + receipt + "\",\"notes\":{\"premise_id\":\"P-101\",\"tenant\":\"T-9\"}}");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(created.header("Content-Type")).startsWith("application/json");
		JsonNode order = created.json();
		assertThat(order.get("id").asString()).matches("order_[0-9A-Za-z]{14}");
		assertThat(order.get("entity").asString()).isEqualTo("order");
		assertThat(order.get("amount").asLong()).isEqualTo(20000);
		assertThat(order.get("amount_paid").asLong()).isZero();
		assertThat(order.get("amount_due").asLong()).isEqualTo(20000);
		assertThat(order.get("currency").asString()).isEqualTo("INR");
		assertThat(order.get("receipt").asString()).isEqualTo(receipt);
		assertThat(order.get("status").asString()).isEqualTo("created");
		assertThat(order.get("attempts").asInt()).isZero();
		assertThat(order.get("notes").get("premise_id").asString()).isEqualTo("P-101");
		assertThat(order.get("created_at").asLong()).isCloseTo(Instant.now().getEpochSecond(), within(5L));
		assertThat(this.gateway.api("GET", ORDERS + "/" + order.get("id").asString(), null).json()).isEqualTo(order);
		JsonNode payments = this.gateway.api("GET", ORDERS + "/" + order.get("id").asString() + "/payments", null)
			.json();
		assertThat(payments.get("entity").asString()).isEqualTo("collection");
		assertThat(payments.get("count").asInt()).isZero();
		assertThat(payments.get("items")).isEmpty();
		JsonNode minimal = this.gateway.api("POST", ORDERS, "{\"amount\":100}").json();
		assertThat(minimal.get("currency").asString()).isEqualTo("INR");
		assertThat(minimal.get("receipt").isNull()).isTrue();
		assertThat(minimal.get("notes").isObject()).isTrue();
	}

	@Test
	void refusesBadOrderInputWithASpecific400AndCreatesNothing() {
		String taken = receipt();
		this.gateway.createOrder(20000, taken);
		assertBadRequest(null, null, "request body is required");
		assertBadRequest("", null, "request body is required");
		assertBadRequest("{\"amount\":", null, "not valid JSON");
		assertBadRequest("[20000]", null, "must be a JSON object");
		assertBadRequest("{}", "amount", "The amount field is required.");
		assertBadRequest("{\"amount\":null}", "amount", "The amount field is required.");
		assertBadRequest("{\"amount\":\"20000\"}", "amount", "The amount must be an integer.");
		assertBadRequest("{\"amount\":200.5}", "amount", "The amount must be an integer.");
		assertBadRequest("{\"amount\":1e4}", "amount", "The amount must be an integer.");
		assertBadRequest("{\"amount\":99}", "amount", "The amount must be atleast INR 1.00");
		assertBadRequest("{\"amount\":-5}", "amount", "atleast INR 1.00");
		assertBadRequest("{\"amount\":50000001}", "amount", "may not be greater");
		assertBadRequest("{\"amount\":20000,\"currency\":\"USD\"}", "currency", "USD is not supported");
		assertBadRequest("{\"amount\":20000,\"currency\":5}", "currency", "The currency must be a string.");
		assertBadRequest("{\"amount\":20000,\"receipt\":\"\"}", "receipt", "1 to 40 characters");
		assertBadRequest("{\"amount\":20000,\"receipt\":\"" + "r".repeat(41) + "\"}", "receipt", "1 to 40 characters");
		assertBadRequest("{\"amount\":20000,\"receipt\":42}", "receipt", "The receipt must be a string.");
		assertBadRequest("{\"amount\":20000,\"receipt\":\"" + taken + "\"}", "receipt", "already used by order");
		assertBadRequest("{\"amount\":20000,\"notes\":\"x\"}", "notes", "object of string keys and string values");
		assertBadRequest("{\"amount\":20000,\"notes\":{\"a\":1}}", "notes", "object of string keys");
		StringBuilder sixteen = new StringBuilder("{\"amount\":20000,\"notes\":{");
		for (int i = 0; i < 16; i++) {
			sixteen.append((i > 0) ? "," : "").append("\"k").append(i).append("\":\"v\"");
		}
		assertBadRequest(sixteen.append("}}").toString(), "notes", "at most 15 entries");
		assertBadRequest("{\"amount\":20000,\"notes\":{\"k\":\"" + "v".repeat(257) + "\"}}", "notes", "256");
		assertThat(this.gateway.admin("GET", "/truth", null).get("orders")).hasSize(1);
	}

	@Test
	void unknownIdsAndRoutesAre404InTheGatewayEnvelope() {
		for (String path : new String[] { "/v1/orders/order_00000000000000", "/v1/orders/nope/payments",
				"/v1/payments/pay_00000000000000", "/v1/payments/pay_x/refunds", "/v1/refunds/rfnd_00000000000000" }) {
			SandboxHttp.Response response = this.gateway.api("GET", path, null);
			assertThat(response.status()).as(path).isEqualTo(404);
			JsonNode error = response.json().get("error");
			assertThat(error.get("code").asString()).isEqualTo("BAD_REQUEST_ERROR");
			assertThat(error.get("description").asString()).isEqualTo("The id provided does not exist");
			assertThat(error.has("field")).isTrue();
			assertThat(error.has("reason")).isTrue();
		}
		SandboxHttp.Response route = this.gateway.api("GET", "/v1/customers", null);
		assertThat(route.status()).isEqualTo(404);
		assertThat(route.json().get("error").get("code").asString()).isEqualTo("BAD_REQUEST_ERROR");
		assertThat(this.gateway.api("DELETE", ORDERS, null).status()).isEqualTo(404);
	}

	@Test
	void refusesMissingOrWrongCredentialsWith401() {
		String expected = "{\"error\":{\"code\":\"BAD_REQUEST_ERROR\",\"description\":\"The api key provided is invalid\","
				+ "\"source\":\"business\",\"reason\":\"authentication_failed\",\"field\":null}}";
		for (Map<String, String> headers : List.of(Map.<String, String>of(),
				Map.of("Authorization", GatewayHttp.basic(GatewayHttp.KEY_ID, "wrong")),
				Map.of("Authorization", GatewayHttp.basic("rzp_test_other", GatewayHttp.KEY_SECRET)),
				Map.of("Authorization", "Basic not-base64!"), Map.of("Authorization", "Bearer sandbox-key-secret"))) {
			SandboxHttp.Response response = this.gateway.send("POST", ORDERS, "{\"amount\":20000}", headers);
			assertThat(response.status()).as(headers.toString()).isEqualTo(401);
			assertThat(response.json()).isEqualTo(SandboxHttp.JSON.readTree(expected));
			assertThat(this.gateway.send("GET", "/v1/nothing", null, headers).status()).isEqualTo(401);
		}
		assertThat(this.gateway.admin("GET", "/truth", null).get("orders")).isEmpty();
		// The Qube simulator's gate is untouched by the gateway's, and the other way
		// round.
		SandboxHttp.Response qube = this.gateway.send("GET", "/api/v2/spaces/", null,
				Map.of("Authorization", GatewayHttp.basic(GatewayHttp.KEY_ID, GatewayHttp.KEY_SECRET)));
		assertThat(qube.status()).isEqualTo(401);
		assertThat(qube.json().get("error").get("code").asString()).isEqualTo("authentication_error");
		assertThat(this.http.get("quickstart-key", "/api/v2/spaces/").status()).isEqualTo(200);
		assertThat(this.gateway.send("GET", "/admin/gateway/config", null, Map.of()).status()).isEqualTo(200);
	}

	@Test
	void theSettlementReportListsTheDaysPaymentsAndRefunds() {
		String orderId = order(20000).get("id").asString();
		JsonNode payment = this.gateway.pay(orderId, "{\"method\":\"upi\",\"vpa\":\"tenant@okbank\"}");
		String paymentId = payment.get("id").asString();
		SandboxHttp.Response refunded = this.gateway
			.send("POST", "/v1/payments/" + paymentId + "/refund", "{\"amount\":5000}", Map.of("Authorization",
					GatewayHttp.basic(GatewayHttp.KEY_ID, GatewayHttp.KEY_SECRET), "X-Refund-Idempotency", "settle-1"));
		assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
		String refundId = refunded.json().get("id").asString();
		LocalDate day = Instant.ofEpochSecond(payment.get("captured_at").asLong())
			.atZone(ZoneId.of("Asia/Kolkata"))
			.toLocalDate();
		SandboxHttp.Response report = this.gateway.api("GET", "/v1/settlements/recon/combined?year=" + day.getYear()
				+ "&month=" + day.getMonthValue() + "&day=" + day.getDayOfMonth(), null);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		JsonNode items = report.json().get("items");
		assertThat(report.json().get("entity").asString()).isEqualTo("collection");
		JsonNode paymentItem = find(items, paymentId);
		assertThat(paymentItem.get("type").asString()).isEqualTo("payment");
		assertThat(paymentItem.get("amount").asLong()).isEqualTo(20000);
		assertThat(paymentItem.get("fee").asLong()).isEqualTo(472);
		assertThat(paymentItem.get("tax").asLong()).isEqualTo(72);
		assertThat(paymentItem.get("credit").asLong()).isEqualTo(19528);
		assertThat(paymentItem.get("debit").asLong()).isZero();
		assertThat(paymentItem.get("order_id").asString()).isEqualTo(orderId);
		assertThat(paymentItem.get("payment_id").asString()).isEqualTo(paymentId);
		assertThat(paymentItem.get("settled_at").asLong()).isEqualTo(payment.get("captured_at").asLong());
		assertThat(paymentItem.get("created_at").asLong()).isEqualTo(payment.get("created_at").asLong());
		JsonNode refundItem = find(items, refundId);
		assertThat(refundItem.get("type").asString()).isEqualTo("refund");
		assertThat(refundItem.get("amount").asLong()).isEqualTo(5000);
		assertThat(refundItem.get("fee").asLong()).isZero();
		assertThat(refundItem.get("credit").asLong()).isZero();
		assertThat(refundItem.get("debit").asLong()).isEqualTo(5000);
		assertThat(refundItem.get("payment_id").asString()).isEqualTo(paymentId);
		assertThat(refundItem.get("order_id").asString()).isEqualTo(orderId);
		LocalDate other = day.minusDays(1);
		JsonNode yesterday = this.gateway
			.api("GET",
					"/v1/settlements/recon/combined?year=" + other.getYear() + "&month=" + other.getMonthValue()
							+ "&day=" + other.getDayOfMonth(),
					null)
			.json();
		assertThat(yesterday.get("count").asInt()).isZero();
		assertReportRefused("?month=12&day=3", "year", "The year field is required.");
		assertReportRefused("?year=abc&month=12&day=3", "year", "The year must be an integer.");
		assertReportRefused("?year=2026&month=13&day=3", "day", "valid date");
		assertReportRefused("?year=2026&month=2&day=30", "day", "valid date");
	}

	private void assertReportRefused(String query, String field, String description) {
		SandboxHttp.Response response = this.gateway.api("GET", "/v1/settlements/recon/combined" + query, null);
		assertThat(response.status()).as(query + " -> " + response.body()).isEqualTo(400);
		assertThat(response.json().get("error").get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("error").get("description").asString()).contains(description);
	}

	private static JsonNode find(JsonNode items, String entityId) {
		for (JsonNode item : items) {
			if (item.get("entity_id").asString().equals(entityId)) {
				return item;
			}
		}
		throw new AssertionError(entityId + " not in " + items);
	}

	private void assertBadRequest(String body, String field, String description) {
		SandboxHttp.Response response = this.gateway.api("POST", ORDERS, body);
		assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
		JsonNode error = response.json().get("error");
		assertThat(error.get("code").asString()).isEqualTo("BAD_REQUEST_ERROR");
		assertThat(error.get("description").asString()).as(body).contains(description);
		if (field == null) {
			assertThat(error.get("field").isNull()).as(body).isTrue();
		}
		else {
			assertThat(error.get("field").asString()).as(body).isEqualTo(field);
		}
		assertThat(error.get("reason").asString()).isEqualTo("input_validation_failed");
	}

}
