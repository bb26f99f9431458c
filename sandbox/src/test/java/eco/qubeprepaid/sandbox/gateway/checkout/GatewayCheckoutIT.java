package eco.qubeprepaid.sandbox.gateway.checkout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.sandbox.gateway.GatewayHttp;
import eco.qubeprepaid.sandbox.gateway.GatewayITSupport;
import eco.qubeprepaid.sandbox.gateway.WebhookReceiver;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hosted checkout as a browser uses it over real HTTP: the page, the form's three
 * outcomes with their 303 redirects, the webhooks they cause, and the error pages.
 */
class GatewayCheckoutIT extends GatewayITSupport {

	private static final String CALLBACK = "http://127.0.0.1:8081/payments/callback?top_up=tu_1&x='y'";

	@Test
	void thePageShowsTheAmountTheMerchantAndTheFormElements() {
		JsonNode order = this.gateway.createOrder(20000, "<script>alert(1)</script>");
		String orderId = order.get("id").asString();
		SandboxHttp.Response page = this.gateway
			.browse("/checkout/" + orderId + "?callback_url=" + GatewayHttp.encode(CALLBACK));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
		String html = page.body();
		assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.contains("₹200.00")
			.contains(">Pay ₹200.00</button>")
			.contains("Qube Prepaid (sandbox)")
			.contains(orderId)
			.contains("action=\"/checkout/" + orderId + "\"");
		for (String id : List.of("method-upi", "method-card", "method-netbanking", "vpa")) {
			assertThat(html).contains("id=\"" + id + "\"").contains("<label for=\"" + id + "\">");
		}
		assertThat(html).contains("id=\"pay\" name=\"outcome\" value=\"success\"")
			.contains("id=\"fail\" name=\"outcome\" value=\"failure\">Simulate failure<")
			.contains("id=\"cancel\" name=\"outcome\" value=\"abandon\">Cancel<")
			.contains("name=\"method\" value=\"upi\" checked");
		// Every interpolated value is escaped.
		assertThat(html).doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("value=\"http://127.0.0.1:8081/payments/callback?top_up=tu_1&amp;x=&#39;y&#39;\"");
	}

	@Test
	void aSuccessfulPaymentRedirectsWithAVerifiableSignatureAndSendsCapturedThenOrderPaid() {
		String orderId = order(20000).get("id").asString();
		SandboxHttp.Response answer = this.gateway.submit("/checkout/" + orderId,
				form("upi", "tenant@okbank", "success", CALLBACK));
		assertThat(answer.status()).as(answer.body()).isEqualTo(303);
		String location = answer.header("Location");
		assertThat(location)
			.startsWith("http://127.0.0.1:8081/payments/callback?top_up=tu_1&x='y'&razorpay_payment_id=");
		Map<String, String> query = GatewayHttp.query(location);
		String paymentId = query.get("razorpay_payment_id");
		assertThat(paymentId).matches("pay_[0-9A-Za-z]{14}");
		assertThat(query.get("razorpay_order_id")).isEqualTo(orderId);
		assertThat(query.get("razorpay_signature")).isEqualTo(WebhookReceiver.hmacHex(GatewayHttp.KEY_SECRET,
				(orderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8)));

		JsonNode payment = this.gateway.api("GET", "/v1/payments/" + paymentId, null).json();
		assertThat(payment.get("status").asString()).isEqualTo("captured");
		assertThat(payment.get("captured").asBoolean()).isTrue();
		assertThat(payment.get("method").asString()).isEqualTo("upi");
		assertThat(payment.get("vpa").asString()).isEqualTo("tenant@okbank");
		assertThat(payment.get("fee").asLong()).isEqualTo(472);
		assertThat(payment.get("tax").asLong()).isEqualTo(72);
		assertThat(payment.get("notes").get("premise_id").asString()).isEqualTo("P-101");
		JsonNode order = this.gateway.api("GET", "/v1/orders/" + orderId, null).json();
		assertThat(order.get("status").asString()).isEqualTo("paid");
		assertThat(order.get("amount_paid").asLong()).isEqualTo(20000);
		assertThat(order.get("amount_due").asLong()).isZero();
		assertThat(order.get("attempts").asInt()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.receiver.received()).hasSize(2));
		WebhookReceiver.Received captured = this.receiver.ofType("payment.captured").get(0);
		WebhookReceiver.Received paid = this.receiver.ofType("order.paid").get(0);
		for (WebhookReceiver.Received webhook : List.of(captured, paid)) {
			assertThat(webhook.method()).isEqualTo("POST");
			assertThat(webhook.contentType()).startsWith("application/json");
			assertThat(webhook.signature()).matches("[0-9a-f]{64}");
			assertThat(webhook.signedWith(GatewayHttp.WEBHOOK_SECRET)).isTrue();
			assertThat(webhook.eventId()).matches("evt_[0-9A-Za-z]{14}");
			assertThat(webhook.json().get("entity").asString()).isEqualTo("event");
			assertThat(webhook.json().get("account_id").asString()).isEqualTo("acc_sandbox");
			assertThat(webhook.payment().get("id").asString()).isEqualTo(paymentId);
			assertThat(webhook.payment().get("status").asString()).isEqualTo("captured");
		}
		assertThat(captured.eventId()).isNotEqualTo(paid.eventId());
		assertThat(captured.json().get("contains").toString()).isEqualTo("[\"payment\"]");
		assertThat(paid.json().get("contains").toString()).isEqualTo("[\"payment\",\"order\"]");
		assertThat(paid.json().get("payload").get("order").get("entity")).isEqualTo(order);
		assertThat(captured.payment()).isEqualTo(payment);
	}

	@Test
	void aFailedPaymentRedirectsWithItsErrorAndSendsPaymentFailed() {
		String orderId = order(15000).get("id").asString();
		SandboxHttp.Response answer = this.gateway.submit("/checkout/" + orderId,
				form("card", "", "failure", "https://tenant.example/return"));
		assertThat(answer.status()).isEqualTo(303);
		String location = answer.header("Location");
		assertThat(location).startsWith("https://tenant.example/return?error%5Bcode%5D=BAD_REQUEST_ERROR");
		Map<String, String> query = GatewayHttp.query(location);
		assertThat(query).containsEntry("error[code]", "BAD_REQUEST_ERROR")
			.containsEntry("error[reason]", "payment_failed")
			.containsEntry("error[metadata][order_id]", orderId);
		String paymentId = query.get("error[metadata][payment_id]");
		JsonNode payment = this.gateway.api("GET", "/v1/payments/" + paymentId, null).json();
		assertThat(payment.get("status").asString()).isEqualTo("failed");
		assertThat(payment.get("method").asString()).isEqualTo("card");
		assertThat(payment.get("vpa").isNull()).isTrue();
		assertThat(payment.get("error_code").asString()).isEqualTo("BAD_REQUEST_ERROR");
		assertThat(payment.get("error_reason").asString()).isEqualTo("payment_failed");
		assertThat(payment.get("error_description").asString()).isNotBlank();
		assertThat(payment.get("captured_at").isNull()).isTrue();
		assertThat(this.gateway.api("GET", "/v1/orders/" + orderId, null).json().get("status").asString())
			.isEqualTo("attempted");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.receiver.ofType("payment.failed")).hasSize(1));
		WebhookReceiver.Received failed = this.receiver.ofType("payment.failed").get(0);
		assertThat(failed.signedWith(GatewayHttp.WEBHOOK_SECRET)).isTrue();
		assertThat(failed.payment()).isEqualTo(payment);
		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void cancellingRedirectsWithoutAPayment() {
		String orderId = order(15000).get("id").asString();
		SandboxHttp.Response answer = this.gateway.submit("/checkout/" + orderId,
				form("upi", "", "abandon", "http://127.0.0.1:8081/cb#top"));
		assertThat(answer.status()).isEqualTo(303);
		String location = answer.header("Location");
		assertThat(location).startsWith("http://127.0.0.1:8081/cb?").endsWith("#top");
		assertThat(GatewayHttp.query(location)).containsExactly(Map.entry("error[code]", "BAD_REQUEST_ERROR"),
				Map.entry("error[reason]", "payment_cancelled"), Map.entry("error[metadata][order_id]", orderId));
		assertThat(this.gateway.api("GET", "/v1/orders/" + orderId + "/payments", null).json().get("count").asInt())
			.isZero();
		assertThat(this.gateway.api("GET", "/v1/orders/" + orderId, null).json().get("status").asString())
			.isEqualTo("created");
	}

	@Test
	void aPaidOrderShowsAnAlreadyPaidPageAndIsNotChargedTwice() {
		String orderId = order(20000).get("id").asString();
		assertThat(this.gateway.submit("/checkout/" + orderId, form("netbanking", "", "success", CALLBACK)).status())
			.isEqualTo(303);
		SandboxHttp.Response page = this.gateway
			.browse("/checkout/" + orderId + "?callback_url=" + GatewayHttp.encode(CALLBACK));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("already paid")
			.contains("href=\"http://127.0.0.1:8081/payments/callback?top_up=tu_1&amp;x=&#39;y&#39;\"")
			.doesNotContain("id=\"pay\"");
		SandboxHttp.Response again = this.gateway.submit("/checkout/" + orderId, form("upi", "", "success", CALLBACK));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("already paid");
		assertThat(this.gateway.api("GET", "/v1/orders/" + orderId + "/payments", null).json().get("count").asInt())
			.isEqualTo(1);
	}

	@Test
	void refusesUnknownOrdersAndBadInputWithHtmlPages() {
		String orderId = order(20000).get("id").asString();
		SandboxHttp.Response unknown = this.gateway
			.browse("/checkout/order_00000000000000?callback_url=" + GatewayHttp.encode(CALLBACK));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("text/html");
		assertThat(unknown.body()).contains("<meta name=\"viewport\"").contains("not found");
		for (String callback : new String[] { null, "", "/relative/cb", "javascript:alert(1)", "ftp://host/x",
				"http://" }) {
			String query = (callback != null) ? "?callback_url=" + GatewayHttp.encode(callback) : "";
			SandboxHttp.Response page = this.gateway.browse("/checkout/" + orderId + query);
			assertThat(page.status()).as(String.valueOf(callback)).isEqualTo(400);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			assertThat(page.body()).contains("callback_url");
			Map<String, String> fields = form("upi", "", "success", (callback != null) ? callback : "");
			assertThat(this.gateway.submit("/checkout/" + orderId, fields).status()).isEqualTo(400);
		}
		SandboxHttp.Response badVpa = this.gateway.submit("/checkout/" + orderId,
				form("upi", "not a vpa", "success", CALLBACK));
		assertThat(badVpa.status()).isEqualTo(400);
		assertThat(badVpa.body()).contains("name@provider").contains("id=\"back\"");
		assertThat(this.gateway.submit("/checkout/" + orderId, form("cash", "", "success", CALLBACK)).status())
			.isEqualTo(400);
		assertThat(this.gateway.submit("/checkout/" + orderId, form("upi", "", "maybe", CALLBACK)).status())
			.isEqualTo(400);
		assertThat(this.gateway.submit("/checkout/order_00000000000000", form("upi", "", "success", CALLBACK)).status())
			.isEqualTo(404);
		assertThat(this.gateway.api("GET", "/v1/orders/" + orderId + "/payments", null).json().get("count").asInt())
			.isZero();
	}

	private static Map<String, String> form(String method, String vpa, String outcome, String callback) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("method", method);
		form.put("vpa", vpa);
		form.put("outcome", outcome);
		form.put("callback_url", callback);
		return form;
	}

}
