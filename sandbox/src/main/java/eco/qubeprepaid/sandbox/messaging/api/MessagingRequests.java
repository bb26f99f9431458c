package eco.qubeprepaid.sandbox.messaging.api;

import java.util.ArrayList;
import java.util.List;

import eco.qubeprepaid.sandbox.messaging.config.MessagingSimulation;
import eco.qubeprepaid.sandbox.messaging.model.Channel;
import eco.qubeprepaid.sandbox.messaging.model.MessagingChoices;
import eco.qubeprepaid.sandbox.messaging.model.MessagingException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict reading of JSON bodies for the provider's API and admin endpoints: malformed
 * JSON or a field of the wrong type is a 400 {@code invalid_request} naming the problem,
 * and nothing changes. A number given where text is expected ({@code "to":919876543210})
 * is refused rather than converted. Unknown fields are ignored unless a caller checks
 * them.
 */
public final class MessagingRequests {

	private final JsonMapper mapper;

	public MessagingRequests(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** Parses the body as a JSON object (required). */
	public JsonNode object(String body) {
		if (body == null || body.isBlank()) {
			throw MessagingException.invalid(MessagingChoices.TEXT_BODY_REQUIRED);
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw MessagingException.invalid(MessagingChoices.TEXT_BODY_NOT_JSON);
		}
		if (node == null || !node.isObject()) {
			throw MessagingException.invalid(MessagingChoices.TEXT_BODY_NOT_OBJECT);
		}
		return node;
	}

	/**
	 * The metrics tag of a send's channel, read leniently before anything is checked:
	 * {@code sms} or {@code whatsapp}, else {@link MessagingSimulation#UNKNOWN_CHANNEL}
	 * (so a tag is never free text).
	 */
	public String channelTag(String body) {
		try {
			JsonNode node = (body != null) ? this.mapper.readTree(body) : null;
			JsonNode channel = (node != null && node.isObject()) ? node.get("channel") : null;
			Channel parsed = (channel != null && channel.isString()) ? Channel.parse(channel.stringValue()) : null;
			return (parsed != null) ? parsed.wire() : MessagingSimulation.UNKNOWN_CHANNEL;
		}
		catch (JacksonException ex) {
			return MessagingSimulation.UNKNOWN_CHANNEL;
		}
	}

	/** A string field; null when absent or JSON null. */
	public static String optionalString(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_NOT_STRING, field));
		}
		return value.stringValue();
	}

	/** A boolean field; null when absent or JSON null. */
	public static Boolean optionalBoolean(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_NOT_BOOLEAN, field));
		}
		return value.booleanValue();
	}

	/** A number field (integer or decimal); null when absent or JSON null. */
	public static Double optionalDouble(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_NOT_NUMBER, field));
		}
		return value.doubleValue();
	}

	/**
	 * An integer field; null when absent or JSON null ({@code 1.5}, {@code "5"} refused).
	 */
	public static Long optionalLong(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_NOT_INTEGER, field));
		}
		return value.longValue();
	}

	/** An array of strings; null when absent or JSON null. */
	public static List<String> optionalStrings(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_NOT_STRING_ARRAY, field));
		}
		List<String> strings = new ArrayList<>();
		for (JsonNode element : value) {
			if (!element.isString()) {
				throw MessagingException.invalid(String.format(MessagingChoices.TEXT_NOT_STRING_ARRAY, field));
			}
			strings.add(element.stringValue());
		}
		return strings;
	}

}
