package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes of the contract as ordered maps with its exact snake_case names (nulls
 * kept), so the API answers and the webhook bodies are built in one place and no naming
 * strategy can change them. Times are epoch seconds, except delivery attempts (epoch
 * milliseconds).
 */
public final class Wire {

	private Wire() {
	}

	/** An order entity. */
	public static Map<String, Object> order(Order order) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", order.id());
		map.put("entity", "order");
		map.put("amount", order.amount());
		map.put("amount_paid", order.amountPaid());
		map.put("amount_due", order.amountDue());
		map.put("currency", order.currency());
		map.put("receipt", order.receipt());
		map.put("status", order.status().wire());
		map.put("attempts", order.attempts());
		map.put("notes", new LinkedHashMap<>(order.notes()));
		map.put("created_at", seconds(order.createdAt()));
		return map;
	}

	/** A payment entity. */
	public static Map<String, Object> payment(Payment payment) {
		boolean failed = payment.status() == PaymentStatus.FAILED;
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", payment.id());
		map.put("entity", "payment");
		map.put("amount", payment.amount());
		map.put("currency", payment.currency());
		map.put("status", payment.status().wire());
		map.put("order_id", payment.orderId());
		map.put("method", payment.method().wire());
		map.put("captured", payment.captured());
		map.put("amount_refunded", payment.amountRefunded());
		map.put("refund_status", payment.refundStatus());
		map.put("description", null);
		map.put("error_code", failed ? GatewayChoices.BAD_REQUEST_ERROR : null);
		map.put("error_description", failed ? payment.errorDescription() : null);
		map.put("error_reason", failed ? GatewayChoices.REASON_PAYMENT_FAILED : null);
		map.put("notes", new LinkedHashMap<>(payment.notes()));
		map.put("vpa", payment.vpa());
		map.put("fee", payment.fees().total());
		map.put("tax", payment.fees().tax());
		map.put("created_at", seconds(payment.createdAt()));
		map.put("captured_at", seconds(payment.capturedAt()));
		return map;
	}

	/** A refund entity. */
	public static Map<String, Object> refund(Refund refund) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", refund.id());
		map.put("entity", "refund");
		map.put("amount", refund.amount());
		map.put("currency", refund.currency());
		map.put("payment_id", refund.paymentId());
		map.put("notes", new LinkedHashMap<>(refund.notes()));
		map.put("receipt", refund.receipt());
		map.put("status", refund.status().wire());
		map.put("created_at", seconds(refund.createdAt()));
		map.put("processed_at", seconds(refund.processedAt()));
		return map;
	}

	/** A settlement report line. */
	public static Map<String, Object> settlementItem(SettlementItem item) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("entity_id", item.entityId());
		map.put("type", item.type());
		map.put("amount", item.amount());
		map.put("fee", item.fee());
		map.put("tax", item.tax());
		map.put("credit", item.credit());
		map.put("debit", item.debit());
		map.put("order_id", item.orderId());
		map.put("payment_id", item.paymentId());
		map.put("settled_at", seconds(item.settledAt()));
		map.put("created_at", seconds(item.createdAt()));
		return map;
	}

	/** {@code {"entity":"collection","count":n,"items":[...]}}. */
	public static Map<String, Object> collection(List<Map<String, Object>> items) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("entity", "collection");
		map.put("count", items.size());
		map.put("items", items);
		return map;
	}

	/** The body of a webhook. */
	public static Map<String, Object> eventBody(Event event) {
		Map<String, Object> payload = new LinkedHashMap<>();
		for (String entity : event.type().contains()) {
			Object value = switch (entity) {
				case "payment" -> payment(event.payment());
				case "order" -> order(event.order());
				case "refund" -> refund(event.refund());
				default -> throw new IllegalStateException("unknown entity " + entity);
			};
			payload.put(entity, Map.of("entity", value));
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("entity", "event");
		map.put("account_id", GatewayChoices.ACCOUNT_ID);
		map.put("event", event.type().wire());
		map.put("contains", event.type().contains());
		map.put("payload", payload);
		map.put("created_at", seconds(event.createdAt()));
		return map;
	}

	/** An event's ground truth with its attempts. */
	public static Map<String, Object> eventTruth(EventRecord record) {
		Event event = record.event();
		List<Map<String, Object>> attempts = new ArrayList<>();
		for (Attempt attempt : record.attempts()) {
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("at", attempt.at().toEpochMilli());
			a.put("outcome", attempt.outcome());
			a.put("status", attempt.status());
			attempts.add(a);
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", event.id());
		map.put("event", event.type().wire());
		map.put("payment_id", event.payment().id());
		map.put("refund_id", (event.refund() != null) ? event.refund().id() : null);
		map.put("created_at", seconds(event.createdAt()));
		map.put("suppressed", record.suppressed());
		map.put("dropped", record.dropped());
		map.put("attempts", attempts);
		map.put("delivered", record.delivered());
		map.put("pending_deliveries", record.pendingDeliveries());
		return map;
	}

	/** The whole ground truth. */
	public static Map<String, Object> truth(Truth truth) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("orders", truth.orders().stream().map(Wire::order).toList());
		map.put("payments", truth.payments().stream().map(Wire::payment).toList());
		map.put("refunds", truth.refunds().stream().map(Wire::refund).toList());
		map.put("events", truth.events().stream().map(Wire::eventTruth).toList());
		map.put("captured_total", truth.capturedTotal());
		map.put("refunded_total", truth.refundedTotal());
		map.put("pending_deliveries", truth.pendingDeliveries());
		return map;
	}

	/** The runtime settings, with the fixed key id and merchant name. */
	public static Map<String, Object> settings(GatewaySettings settings, String keyId, String merchantName) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("key_id", keyId);
		map.put("merchant_name", merchantName);
		map.put("webhook_url", settings.webhookUrl());
		map.put("webhook_secret", settings.webhookSecret());
		map.put("duplicate_ratio", settings.duplicateRatio());
		map.put("reorder", settings.reorder());
		map.put("min_delay_ms", settings.minDelayMs());
		map.put("max_delay_ms", settings.maxDelayMs());
		map.put("failure_ratio", settings.failureRatio());
		map.put("drop_ratio", settings.dropRatio());
		map.put("refund_processing_delay_ms", settings.refundProcessingDelayMs());
		map.put("webhook_timeout_ms", settings.webhookTimeoutMs());
		map.put("retry_initial_ms", settings.retryInitialMs());
		map.put("retry_max_ms", settings.retryMaxMs());
		map.put("max_attempts", settings.maxAttempts());
		return map;
	}

	/** The error envelope. */
	public static Map<String, Object> error(GatewayException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", ex.code());
		error.put("description", ex.description());
		error.put("source", ex.source());
		error.put("reason", ex.reason());
		error.put("field", ex.field());
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("error", error);
		return map;
	}

	private static Long seconds(Instant at) {
		return (at != null) ? at.getEpochSecond() : null;
	}

}
