package eco.qubeprepaid.payment.gateway.wire;

import java.time.Instant;

import eco.qubeprepaid.payment.gateway.domain.GatewayPayment;
import eco.qubeprepaid.payment.gateway.domain.GatewayRefund;
import eco.qubeprepaid.payment.gateway.domain.WebhookEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's JSON (Razorpay's shape): payment entities and webhook event bodies. Every
 * field read is checked, so a body that is not what the gateway sends is refused with the
 * field that is wrong.
 */
public final class GatewayWire {

	private final JsonMapper json;

	/**
	 * @param json the JSON mapper
	 */
	public GatewayWire(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Reads a webhook body whose signature was verified.
	 * @param eventId the event id header
	 * @param body the raw body
	 * @return the event
	 * @throws MalformedWebhookException if the body is not an event of the gateway's
	 * shape
	 */
	public WebhookEvent event(String eventId, byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedWebhookException("The body is not JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new MalformedWebhookException("The body is not a JSON object");
		}
		if (!"event".equals(text(root, "entity"))) {
			throw new MalformedWebhookException("The body's entity is not \"event\"");
		}
		String type = text(root, "event");
		if (type == null || type.isBlank()) {
			throw new MalformedWebhookException("The body has no event type");
		}
		JsonNode payment = root.path("payload").path("payment").path("entity");
		JsonNode refund = root.path("payload").path("refund").path("entity");
		return new WebhookEvent(eventId, type, payment.isObject() ? payment(payment) : null,
				refund.isObject() ? refund(refund) : null);
	}

	/**
	 * Reads a payment entity.
	 * @param node the entity
	 * @return the payment
	 * @throws MalformedWebhookException if a field the ledger relies on is missing or of
	 * the wrong type
	 */
	public GatewayPayment payment(JsonNode node) {
		String id = required(node, "id");
		String orderId = required(node, "order_id");
		JsonNode amount = node.get("amount");
		if (amount == null || !amount.isIntegralNumber() || amount.asLong() <= 0) {
			throw new MalformedWebhookException("Payment " + id + " has no positive integer amount in paise");
		}
		JsonNode capturedAt = node.get("captured_at");
		Instant captured = (capturedAt != null && capturedAt.isIntegralNumber())
				? Instant.ofEpochSecond(capturedAt.asLong()) : null;
		return new GatewayPayment(id, orderId, amount.asLong(), required(node, "currency"), required(node, "status"),
				text(node, "method"), captured, text(node, "error_description"), text(node, "error_reason"));
	}

	/**
	 * Reads a refund entity.
	 * @param node the entity
	 * @return the refund
	 * @throws MalformedWebhookException if a field is missing or of the wrong type
	 */
	public GatewayRefund refund(JsonNode node) {
		String id = text(node, "id");
		if (id == null || id.isBlank()) {
			throw new MalformedWebhookException("The refund has no id");
		}
		String paymentId = text(node, "payment_id");
		if (paymentId == null || paymentId.isBlank()) {
			throw new MalformedWebhookException("Refund " + id + " has no payment_id");
		}
		JsonNode amount = node.get("amount");
		if (amount == null || !amount.isIntegralNumber() || amount.asLong() <= 0) {
			throw new MalformedWebhookException("Refund " + id + " has no positive integer amount in paise");
		}
		String status = text(node, "status");
		if (status == null || status.isBlank()) {
			throw new MalformedWebhookException("Refund " + id + " has no status");
		}
		return new GatewayRefund(id, paymentId, amount.asLong(), status, text(node, "receipt"));
	}

	/**
	 * Reads a JSON document of the fetch API.
	 * @param body the body
	 * @return the tree
	 */
	public JsonNode tree(String body) {
		return this.json.readTree(body);
	}

	private static String required(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			throw new MalformedWebhookException("The payment has no " + field);
		}
		return value;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
