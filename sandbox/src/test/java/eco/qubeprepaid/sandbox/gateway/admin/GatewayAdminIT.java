package eco.qubeprepaid.sandbox.gateway.admin;

import java.util.Map;

import eco.qubeprepaid.sandbox.gateway.GatewayITSupport;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's admin API: settings with validation, pay, truth and reset. */
class GatewayAdminIT extends GatewayITSupport {

	@Test
	void showsAndPartiallyChangesTheSettings() {
		JsonNode config = this.gateway.admin("GET", "/config", null);
		assertThat(config.get("key_id").asString()).isEqualTo("rzp_test_sandbox");
		assertThat(config.get("merchant_name").asString()).isEqualTo("Qube Prepaid (sandbox)");
		assertThat(config.get("webhook_url").asString()).isEqualTo(this.receiver.url());
		assertThat(config.get("webhook_secret").asString()).isEqualTo("sandbox-webhook-secret");
		assertThat(config.get("duplicate_ratio").asDouble()).isZero();
		assertThat(config.get("reorder").asBoolean()).isFalse();
		assertThat(config.get("min_delay_ms").asLong()).isZero();
		assertThat(config.get("max_delay_ms").asLong()).isZero();
		assertThat(config.get("failure_ratio").asDouble()).isZero();
		assertThat(config.get("drop_ratio").asDouble()).isZero();
		assertThat(config.get("refund_processing_delay_ms").asLong()).isZero();
		assertThat(config.get("webhook_timeout_ms").asLong()).isEqualTo(5000);
		assertThat(config.get("retry_initial_ms").asLong()).isEqualTo(1000);
		assertThat(config.get("retry_max_ms").asLong()).isEqualTo(30000);
		assertThat(config.get("max_attempts").asInt()).isEqualTo(10);

		JsonNode changed = this.gateway.admin("PUT", "/config",
				"{\"duplicate_ratio\":0.25,\"reorder\":true,\"max_delay_ms\":40,\"drop_ratio\":0}");
		assertThat(changed.get("duplicate_ratio").asDouble()).isEqualTo(0.25);
		assertThat(changed.get("reorder").asBoolean()).isTrue();
		assertThat(changed.get("max_delay_ms").asLong()).isEqualTo(40);
		assertThat(changed.get("webhook_url").asString()).isEqualTo(this.receiver.url());
		assertThat(this.gateway.admin("GET", "/config", null)).isEqualTo(changed);
	}

	@Test
	void refusesBadSettingsWithA400NamingTheFieldAndChangesNothing() {
		JsonNode before = this.gateway.admin("GET", "/config", null);
		assertRefused("{\"duplicate_ratio\":1.5}", "duplicate_ratio");
		assertRefused("{\"failure_ratio\":-0.1}", "failure_ratio");
		assertRefused("{\"drop_ratio\":\"half\"}", "drop_ratio");
		assertRefused("{\"min_delay_ms\":-1}", "min_delay_ms");
		assertRefused("{\"min_delay_ms\":500,\"max_delay_ms\":100}", "min_delay_ms");
		assertRefused("{\"max_delay_ms\":1.5}", "max_delay_ms");
		assertRefused("{\"refund_processing_delay_ms\":-5}", "refund_processing_delay_ms");
		assertRefused("{\"webhook_url\":\"ftp://127.0.0.1/x\"}", "webhook_url");
		assertRefused("{\"webhook_url\":\"/relative\"}", "webhook_url");
		assertRefused("{\"webhook_url\":\"not a url\"}", "webhook_url");
		assertRefused("{\"reorder\":\"yes\"}", "reorder");
		assertRefused("{\"max_attempts\":0}", "max_attempts");
		assertRefused("{\"key_id\":\"other\"}", "key_id");
		assertRefused("{\"duplicate_ration\":1}", "duplicate_ration");
		assertRefused("{\"duplicate_ratio\":1,\"failure_ratio\":2}", "failure_ratio");
		assertRefused("[", null);
		assertThat(this.gateway.admin("GET", "/config", null)).isEqualTo(before);
		JsonNode cleared = this.gateway.admin("PUT", "/config", "{\"webhook_url\":\"\"}");
		assertThat(cleared.get("webhook_url").asString()).isEmpty();
	}

	@Test
	void paysAnOrderAndRefusesBadPayCalls() {
		String orderId = order(20000).get("id").asString();
		assertPayRefused(orderId, "{\"method\":\"cash\"}", 400, "method");
		assertPayRefused(orderId, "{\"outcome\":\"maybe\"}", 400, "outcome");
		assertPayRefused(orderId, "{\"vpa\":\"nope\"}", 400, "vpa");
		assertPayRefused(orderId, "{\"webhooks\":\"no\"}", 400, "webhooks");
		assertPayRefused("order_00000000000000", "{}", 404, null);
		JsonNode failed = this.gateway.pay(orderId, "{\"method\":\"card\",\"outcome\":\"failure\"}");
		assertThat(failed.get("status").asString()).isEqualTo("failed");
		assertThat(failed.get("fee").asLong()).isZero();
		JsonNode payment = this.gateway.pay(orderId, "{\"method\":\"upi\",\"vpa\":\"x@upi\",\"outcome\":\"success\"}");
		assertThat(payment.get("id").asString()).matches("pay_[0-9A-Za-z]{14}");
		assertThat(payment.get("status").asString()).isEqualTo("captured");
		assertThat(payment.get("vpa").asString()).isEqualTo("x@upi");
		assertThat(payment.get("order_id").asString()).isEqualTo(orderId);
		assertThat(payment.get("captured_at").asLong()).isPositive();
		assertThat(payment.get("refund_status").isNull()).isTrue();
		assertThat(payment.get("description").isNull()).isTrue();
		assertPayRefused(orderId, "{}", 400, null);
		JsonNode order = this.gateway.api("GET", "/v1/orders/" + orderId, null).json();
		assertThat(order.get("attempts").asInt()).isEqualTo(2);
		assertThat(order.get("status").asString()).isEqualTo("paid");
	}

	@Test
	void resetForgetsEverythingAndRestoresTheStartSettings() {
		String orderId = order(20000).get("id").asString();
		this.gateway.pay(orderId, "{}");
		this.gateway.admin("PUT", "/config", "{\"duplicate_ratio\":1}");
		JsonNode truth = this.gateway.admin("GET", "/truth", null);
		assertThat(truth.get("orders")).hasSize(1);
		assertThat(truth.get("payments")).hasSize(1);
		assertThat(truth.get("events")).hasSize(2);
		JsonNode reset = this.gateway.admin("POST", "/reset", null);
		assertThat(reset.get("webhook_url").asString()).isEmpty();
		assertThat(reset.get("duplicate_ratio").asDouble()).isZero();
		JsonNode empty = this.gateway.admin("GET", "/truth", null);
		assertThat(empty.get("orders")).isEmpty();
		assertThat(empty.get("payments")).isEmpty();
		assertThat(empty.get("refunds")).isEmpty();
		assertThat(empty.get("events")).isEmpty();
		assertThat(empty.get("captured_total").asLong()).isZero();
		assertThat(empty.get("refunded_total").asLong()).isZero();
		assertThat(empty.get("pending_deliveries").asInt()).isZero();
		assertThat(this.gateway.api("GET", "/v1/orders/" + orderId, null).status()).isEqualTo(404);
		SandboxHttp.Response unknown = this.gateway.send("GET", "/admin/gateway/nothing", null, Map.of());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("error").get("code").asString()).isEqualTo("BAD_REQUEST_ERROR");
	}

	private void assertRefused(String body, String field) {
		SandboxHttp.Response response = this.gateway.send("PUT", "/admin/gateway/config", body, Map.of());
		assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
		JsonNode error = response.json().get("error");
		assertThat(error.get("code").asString()).isEqualTo("BAD_REQUEST_ERROR");
		assertThat(error.get("description").asString()).isNotBlank();
		if (field == null) {
			assertThat(error.get("field").isNull()).isTrue();
		}
		else {
			assertThat(error.get("field").asString()).as(body).isEqualTo(field);
		}
	}

	private void assertPayRefused(String orderId, String body, int status, String field) {
		SandboxHttp.Response response = this.gateway.send("POST", "/admin/gateway/orders/" + orderId + "/pay", body,
				Map.of());
		assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(status);
		if (field != null) {
			assertThat(response.json().get("error").get("field").asString()).isEqualTo(field);
		}
	}

}
