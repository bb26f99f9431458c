package eco.qubeprepaid.payment.topup;

import java.net.http.HttpResponse;

import eco.qubeprepaid.payment.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting and following a top-up over the API; bad requests get a specific 400. */
class TopUpApiIT extends PaymentIntegrationTest {

	@Test
	void aTopUpOpensAnOrderAtTheGatewayAndPointsToItsCheckout() {
		JsonNode topUp = startTopUp("Api.Flat-1", 20000);

		assertThat(topUp.get("status").asString()).isEqualTo("OPEN");
		assertThat(topUp.get("orderId").asString()).startsWith("order_");
		assertThat(topUp.get("checkoutUrl").asString()).startsWith(gateway().baseUrl() + "/checkout/order_")
			.contains("callback_url=http%3A%2F%2F127.0.0.1%3A")
			.contains(topUp.get("topUpId").asString());
		JsonNode order = gateway().truth().get("orders");
		assertThat(order.toString()).contains(topUp.get("orderId").asString());
	}

	@Test
	void amountsOutsideTheLimitsOrNotInWholeRupeesAreRefusedWithTheRule() {
		HttpResponse<String> tooSmall = post("/api/top-ups", "{\"premiseId\":\"Api.Flat-2\",\"amountPaise\":900}");
		HttpResponse<String> tooLarge = post("/api/top-ups", "{\"premiseId\":\"Api.Flat-2\",\"amountPaise\":5000100}");
		HttpResponse<String> notWhole = post("/api/top-ups", "{\"premiseId\":\"Api.Flat-2\",\"amountPaise\":20050}");
		HttpResponse<String> noAmount = post("/api/top-ups", "{\"premiseId\":\"Api.Flat-2\"}");

		assertThat(tooSmall.statusCode()).isEqualTo(400);
		assertThat(tooSmall.body()).contains("between \u20b910.00 and \u20b950,000.00");
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(notWhole.statusCode()).isEqualTo(400);
		assertThat(notWhole.body()).contains("multiple of \u20b91.00");
		assertThat(noAmount.statusCode()).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM top_ups WHERE premise_id = 'Api.Flat-2'", Long.class))
			.isZero();
	}

	@Test
	void aBadPremiseIdOrBodyIsRefused() {
		HttpResponse<String> badPremise = post("/api/top-ups", "{\"premiseId\":\"../etc\",\"amountPaise\":20000}");
		HttpResponse<String> notJson = post("/api/top-ups", "{\"premiseId\":");
		HttpResponse<String> wrongType = post("/api/top-ups", "{\"premiseId\":\"A\",\"amountPaise\":\"200\"}");

		assertThat(badPremise.statusCode()).isEqualTo(400);
		assertThat(badPremise.body()).contains("premise id");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(wrongType.statusCode()).isEqualTo(400);
	}

	@Test
	void anUnknownTopUpIsNotFound() {
		HttpResponse<String> response = get("/api/top-ups/00000000-0000-0000-0000-000000000001", VIEWER_OPERATOR);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("no top-up");
	}

}
