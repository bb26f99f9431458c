package eco.qubeprepaid.systemtests.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The crash harness's payments: top-ups through payment-service and the gateway's
 * checkout (the gateway delivering its webhooks with duplicates, reordering, delays,
 * failures and drops), forged webhooks (a wrong secret, an altered amount, a body signed
 * for another), late redeliveries of every captured event, and refunds with an
 * {@code Idempotency-Key} retried across payment-service's restarts.
 */
final class CheckoutPayments {

	private static final String WRONG_SECRET = "not-the-gateway-secret";

	private static final String SECRET = "sandbox-webhook-secret";

	private final SystemUnderTest system;

	private final String paymentUrl;

	private final Random random;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<String, String> paid = new LinkedHashMap<>();

	private final List<JsonNode> capturedEntities = new ArrayList<>();

	private int forgedSent;

	private int forgedRefused;

	private int forgedAccepted;

	CheckoutPayments(SystemUnderTest system, String paymentUrl, Random random) {
		this.system = system;
		this.paymentUrl = paymentUrl;
		this.random = random;
	}

	/**
	 * The gateway at its worst: every other event twice, reordered, delayed up to 1.5 s,
	 * a fifth of the attempts failing and a tenth of the deliveries dropped (left to
	 * reconciliation), refunds pending half a second.
	 */
	void gatewayFaults() {
		this.system.gateway("PUT", "/config",
				Map.of("duplicate_ratio", 0.5, "reorder", true, "failure_ratio", 0.2, "drop_ratio", 0.1, "min_delay_ms",
						0, "max_delay_ms", 1500, "retry_initial_ms", 500, "retry_max_ms", 4000,
						"refund_processing_delay_ms", 500));
	}

	/**
	 * A tenant pays through the checkout: a top-up started at payment-service (retried
	 * while it restarts), paid at the gateway.
	 * @param premise the premise
	 * @param paise the amount
	 * @return the gateway's payment id
	 */
	String pay(String premise, long paise) {
		JsonNode topUp = this.system.payment("POST", "/api/top-ups",
				Map.of("premiseId", premise, "amountPaise", paise));
		JsonNode payment = this.system.gateway("POST", "/orders/" + topUp.get("orderId").asString() + "/pay",
				Map.of("method", this.random.nextBoolean() ? "upi" : "card", "vpa", "tenant@upi"));
		String paymentId = payment.get("id").asString();
		this.paid.put(paymentId, premise);
		this.capturedEntities.add(payment);
		return paymentId;
	}

	/**
	 * Sends three forged webhooks about a payment made here: signed with a wrong secret,
	 * the amount raised after signing, and a replay of the real event under a new id with
	 * a raised amount. Each must be refused (401); one that reaches a restarting service
	 * and is not answered counts as not sent.
	 */
	void forge() {
		if (this.capturedEntities.isEmpty()) {
			return;
		}
		JsonNode entity = this.capturedEntities.get(this.random.nextInt(this.capturedEntities.size()));
		String body = "{\"entity\":\"event\",\"event\":\"payment.captured\",\"payload\":{\"payment\":{\"entity\":"
				+ entity.toString() + "}}}";
		String raised = body.replace("\"amount\":" + entity.get("amount").asLong(),
				"\"amount\":" + (entity.get("amount").asLong() * 10));
		send(body, sign(WRONG_SECRET, body), "evt_forged_" + this.random.nextLong());
		send(raised, sign(SECRET, body), "evt_forged_" + this.random.nextLong());
		send(raised, sign(WRONG_SECRET, raised), "evt_forged_" + this.random.nextLong());
	}

	/** Redelivers every captured event the gateway sent, once more, late. */
	int redeliverCaptures() {
		int redelivered = 0;
		for (JsonNode event : this.system.gateway("GET", "/truth", null).get("events")) {
			String type = event.get("event").asString();
			if (type.equals("payment.captured") || type.equals("order.paid")) {
				this.system.gateway("POST", "/events/" + event.get("id").asString() + "/redeliver", null);
				redelivered++;
			}
		}
		return redelivered;
	}

	/**
	 * Waits until the ledger has credited a payment (payment-service saw its
	 * {@code BalanceCredited}): an operator refunds money that is in the wallet.
	 * @param paymentId the payment
	 */
	void awaitCredited(String paymentId) {
		String premise = this.paid.get(paymentId);
		await("payment " + paymentId + " credited").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				for (JsonNode payment : this.system.payment("GET", "/api/payments?premiseId=" + premise, null)) {
					if (payment.get("paymentId").asString().equals(paymentId) && payment.get("creditedAt").isString()) {
						return true;
					}
				}
				return false;
			});
	}

	/**
	 * Refunds part of a payment, the request retried under its key until payment-service
	 * answers it.
	 * @param paymentId the payment
	 * @param paise the amount
	 * @param key the Idempotency-Key
	 * @return the refund's id
	 */
	String refund(String paymentId, long paise, String key) {
		return await("refund " + key + " accepted").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> {
				HttpResponse<String> response = this.http.send(HttpRequest
					.newBuilder(URI.create(this.paymentUrl + "/api/payments/" + paymentId + "/refunds"))
					.timeout(Duration.ofSeconds(20))
					.header("Authorization", eco.qubeprepaid.testsupport.OperatorAuth.MONEY)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", key)
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"amountPaise\":" + paise + ",\"reason\":\"chaos refund\",\"operator\":\"chaos\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 != 2) {
					throw new IllegalStateException(
							"refund " + key + ": " + response.statusCode() + " " + response.body());
				}
				String body = response.body();
				int at = body.indexOf("\"refundId\":\"") + 12;
				return body.substring(at, body.indexOf('"', at));
			}, (id) -> id != null && !id.isBlank());
	}

	/**
	 * @return the payments made through the checkout, by payment id, with their premise
	 */
	Map<String, String> paid() {
		return Map.copyOf(this.paid);
	}

	int forgedSent() {
		return this.forgedSent;
	}

	int forgedRefused() {
		return this.forgedRefused;
	}

	int forgedAccepted() {
		return this.forgedAccepted;
	}

	private void send(String body, String signature, String eventId) {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(this.paymentUrl + "/webhooks/gateway"))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.header("X-Razorpay-Signature", signature)
					.header("X-Razorpay-Event-Id", eventId)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			this.forgedSent++;
			if (response.statusCode() == 401) {
				this.forgedRefused++;
			}
			else if (response.statusCode() / 100 == 2) {
				this.forgedAccepted++;
			}
		}
		catch (java.io.IOException ex) {
			// payment-service restarting: not delivered, not counted.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			StringBuilder hex = new StringBuilder();
			for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
				hex.append(String.format("%02x", b));
			}
			return hex.toString();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
