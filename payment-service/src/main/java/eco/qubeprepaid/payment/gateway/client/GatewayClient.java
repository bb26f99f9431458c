package eco.qubeprepaid.payment.gateway.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eco.qubeprepaid.payment.gateway.domain.GatewayPayment;
import eco.qubeprepaid.payment.gateway.domain.GatewayRefund;
import eco.qubeprepaid.payment.gateway.wire.GatewayWire;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * payment-service's calls to the gateway's API (Razorpay's shape): create an order and
 * fetch an order's payments. Each call authenticates with HTTP Basic and fails with a
 * {@link GatewayException} that says whether retrying later can help.
 */
public class GatewayClient {

	private final GatewayProperties properties;

	private final JsonMapper json;

	private final GatewayWire wire;

	private final HttpClient http;

	private final String authorization;

	/**
	 * @param properties where the gateway is and the credentials
	 * @param json the JSON mapper
	 */
	public GatewayClient(GatewayProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.wire = new GatewayWire(json);
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((properties.keyId() + ":" + properties.keySecret()).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Creates an order.
	 * @param amountPaise the amount
	 * @param receipt our receipt, unique per order
	 * @param notes notes the gateway keeps with the order and its payments
	 * @return the gateway's order id
	 */
	public String createOrder(long amountPaise, String receipt, Map<String, String> notes) {
		ObjectNode body = this.json.createObjectNode();
		body.put("amount", amountPaise);
		body.put("currency", GatewayPayment.INR);
		body.put("receipt", receipt);
		ObjectNode noteNode = body.putObject("notes");
		notes.forEach(noteNode::put);
		JsonNode order = call(HttpRequest.newBuilder(uri("/v1/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))), "create an order");
		String id = order.path("id").asString("");
		if (id.isBlank()) {
			throw new GatewayException("The gateway answered an order without an id", false, null);
		}
		return id;
	}

	/**
	 * Fetches every payment of an order.
	 * @param orderId the order
	 * @return its payments, whatever their status
	 */
	public List<GatewayPayment> paymentsOf(String orderId) {
		JsonNode collection = call(HttpRequest.newBuilder(uri("/v1/orders/" + orderId + "/payments")).GET(),
				"fetch the payments of " + orderId);
		List<GatewayPayment> payments = new ArrayList<>();
		for (JsonNode item : collection.path("items")) {
			payments.add(this.wire.payment(item));
		}
		return payments;
	}

	/**
	 * Asks the gateway to refund (part of) a payment. The refund's id is the idempotency
	 * key: asked again, the gateway answers with the refund it made, so a retry after a
	 * lost answer never refunds twice. An answer of 409 (the same key still in flight) is
	 * transient.
	 * @param paymentId the payment
	 * @param refundId payment-service's refund id (idempotency key and receipt)
	 * @param amountPaise the amount
	 * @return the gateway's refund
	 */
	public GatewayRefund refund(String paymentId, UUID refundId, long amountPaise) {
		ObjectNode body = this.json.createObjectNode();
		body.put("amount", amountPaise);
		body.put("receipt", refundId.toString());
		body.putObject("notes").put("qp_refund_id", refundId.toString());
		JsonNode refund = call(
				HttpRequest.newBuilder(uri("/v1/payments/" + paymentId + "/refund"))
					.header("Content-Type", "application/json")
					.header("X-Refund-Idempotency", refundId.toString())
					.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))),
				"refund " + paymentId, 409);
		try {
			return this.wire.refund(refund);
		}
		catch (RuntimeException ex) {
			throw new GatewayException("The gateway answered a refund that cannot be read: " + ex.getMessage(), true,
					ex);
		}
	}

	/**
	 * Fetches a refund.
	 * @param refundId the gateway's refund id
	 * @return it
	 */
	public GatewayRefund fetchRefund(String refundId) {
		JsonNode refund = call(HttpRequest.newBuilder(uri("/v1/refunds/" + refundId)).GET(),
				"fetch refund " + refundId);
		try {
			return this.wire.refund(refund);
		}
		catch (RuntimeException ex) {
			throw new GatewayException("The gateway answered a refund that cannot be read: " + ex.getMessage(), true,
					ex);
		}
	}

	/**
	 * Fetches the gateway's settlement report of one IST day: its captured payments and
	 * processed refunds.
	 * @param day the IST day
	 * @return the report's lines
	 */
	public List<SettlementLine> settlementReport(java.time.LocalDate day) {
		JsonNode collection = call(HttpRequest
			.newBuilder(uri("/v1/settlements/recon/combined?year=" + day.getYear() + "&month=" + day.getMonthValue()
					+ "&day=" + day.getDayOfMonth()))
			.GET(), "fetch the settlement report of " + day);
		List<SettlementLine> lines = new ArrayList<>();
		for (JsonNode item : collection.path("items")) {
			lines.add(new SettlementLine(item.path("entity_id").asString(""), item.path("type").asString(""),
					item.path("amount").asLong(), item.path("payment_id").asString(""),
					item.path("order_id").asString("")));
		}
		return lines;
	}

	/**
	 * A line of the gateway's settlement report.
	 *
	 * @param entityId the payment or refund id
	 * @param type {@code payment} or {@code refund}
	 * @param amountPaise its amount
	 * @param paymentId the payment (the refund's payment for a refund)
	 * @param orderId the order
	 */
	public record SettlementLine(String entityId, String type, long amountPaise, String paymentId, String orderId) {
	}

	private URI uri(String path) {
		String base = this.properties.baseUrl().toString();
		return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
	}

	private JsonNode call(HttpRequest.Builder request, String what) {
		return call(request, what, 429);
	}

	private JsonNode call(HttpRequest.Builder request, String what, int alsoTransient) {
		HttpResponse<String> response;
		try {
			response = this.http.send(request.timeout(this.properties.timeout())
				.header("Authorization", this.authorization)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new GatewayException("Could not reach the gateway to " + what + ": " + ex, true, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GatewayException("Interrupted while calling the gateway to " + what, true, ex);
		}
		int status = response.statusCode();
		if (status / 100 == 2) {
			return this.wire.tree(response.body());
		}
		boolean transientFailure = status == 429 || status == alsoTransient || status >= 500;
		throw new GatewayException("The gateway refused to " + what + " (HTTP " + status + "): " + describe(response),
				transientFailure, null);
	}

	private String describe(HttpResponse<String> response) {
		try {
			String description = this.wire.tree(response.body()).path("error").path("description").asString("");
			return description.isBlank() ? response.body() : description;
		}
		catch (RuntimeException ex) {
			return response.body();
		}
	}

}
