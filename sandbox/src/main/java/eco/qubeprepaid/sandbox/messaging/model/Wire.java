package eco.qubeprepaid.sandbox.messaging.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes of the provider's contract as ordered maps with its exact camelCase
 * names (nulls kept), so the API answers and the receipt bodies are built in one place
 * and the sandbox's snake_case naming strategy (which applies to records, not maps)
 * cannot change them. Times are ISO-8601 in IST with milliseconds.
 */
public final class Wire {

	private Wire() {
	}

	/**
	 * The answer to a send: {@code messageId}, {@code clientReference}, {@code status}.
	 */
	public static Map<String, Object> sendAnswer(Message message) {
		Message.View view = message.view();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("messageId", view.id());
		map.put("clientReference", view.request().clientReference());
		map.put("status", view.status().wire());
		return map;
	}

	/** A message as {@code GET /messaging/v1/messages/{id}} shows it. */
	public static Map<String, Object> message(Message message) {
		return message(message.view());
	}

	/** A message with the ground truth of its receipt, for the admin API. */
	public static Map<String, Object> adminMessage(Message message) {
		Message.View view = message.view();
		Map<String, Object> map = message(view);
		map.put("receiptStatus", view.receiptState().wire());
		map.put("receiptAttempts", view.receiptAttempts().stream().map(Wire::attempt).toList());
		return map;
	}

	/** The receipt body POSTed to the receipt URL. */
	public static Map<String, Object> receipt(Receipt receipt) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("messageId", receipt.messageId());
		map.put("clientReference", receipt.clientReference());
		map.put("channel", receipt.channel().wire());
		map.put("status", receipt.status().wire());
		map.put("error", receipt.error());
		map.put("at", time(receipt.at()));
		return map;
	}

	/** The runtime settings. */
	public static Map<String, Object> settings(MessagingSettings settings) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("outage", settings.outage());
		map.put("failureRatio", settings.failureRatio());
		map.put("undeliverableRatio", settings.undeliverableRatio());
		map.put("blockedNumbers", settings.blockedNumbers());
		map.put("receiptUrl", settings.receiptUrl());
		map.put("receiptDelayMs", settings.receiptDelayMs());
		return map;
	}

	/** The send counters since start or the last reset. */
	public static Map<String, Object> counters(SendCounters counters) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("attempted", counters.attempted());
		for (SendOutcome outcome : SendOutcome.values()) {
			map.put(outcome.wire(), counters.count(outcome));
		}
		return map;
	}

	/** A list of messages with its count. */
	public static Map<String, Object> messages(List<Map<String, Object>> messages) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("count", messages.size());
		map.put("messages", messages);
		return map;
	}

	/** The error envelope {@code {"error":{"code","message"}}}. */
	public static Map<String, Object> error(MessagingException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", ex.code());
		error.put("message", ex.getMessage());
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("error", error);
		return map;
	}

	/** An instant on the wire: ISO-8601, milliseconds, +05:30. */
	public static String time(Instant at) {
		return (at != null) ? MessagingChoices.TIME_FORMAT.format(at) : null;
	}

	private static Map<String, Object> message(Message.View view) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("messageId", view.id());
		map.put("clientReference", view.request().clientReference());
		map.put("channel", view.request().channel().wire());
		map.put("to", view.request().to());
		map.put("body", view.request().body());
		map.put("status", view.status().wire());
		map.put("error", view.error());
		map.put("createdAt", time(view.createdAt()));
		map.put("deliveredAt", (view.status() == MessageStatus.DELIVERED) ? time(view.settledAt()) : null);
		map.put("failedAt", (view.status() == MessageStatus.FAILED) ? time(view.settledAt()) : null);
		return map;
	}

	private static Map<String, Object> attempt(ReceiptAttempt attempt) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("at", time(attempt.at()));
		map.put("outcome", attempt.outcome());
		map.put("status", attempt.status());
		return map;
	}

}
