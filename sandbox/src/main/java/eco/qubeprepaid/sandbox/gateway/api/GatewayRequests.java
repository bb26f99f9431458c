package eco.qubeprepaid.sandbox.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

import eco.qubeprepaid.sandbox.gateway.model.GatewayChoices;
import eco.qubeprepaid.sandbox.gateway.model.GatewayException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict reading of JSON bodies for the gateway's API and admin endpoints: malformed
 * JSON, a wrong type or a missing field is a 400 whose description and {@code field} name
 * the problem, and nothing changes. Integers must be JSON integers ({@code "100"},
 * {@code 100.0} and {@code 1e2} are refused). Unknown fields are ignored unless a caller
 * checks them.
 */
public final class GatewayRequests {

	private final JsonMapper mapper;

	public GatewayRequests(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Parses the body as a JSON object.
	 * @param body the raw body
	 * @param optional whether an absent or empty body means {@code {}}
	 * @return the object
	 */
	public JsonNode object(String body, boolean optional) {
		if (body == null || body.isBlank()) {
			if (optional) {
				return this.mapper.createObjectNode();
			}
			throw GatewayException.badRequest(null, GatewayChoices.TEXT_BODY_REQUIRED);
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw GatewayException.badRequest(null, GatewayChoices.TEXT_BODY_NOT_JSON);
		}
		if (node == null || !node.isObject()) {
			throw GatewayException.badRequest(null, GatewayChoices.TEXT_BODY_NOT_OBJECT);
		}
		return node;
	}

	/** An integer field; null when absent or JSON null. */
	public static Long optionalLong(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_NOT_INTEGER, field));
		}
		return value.longValue();
	}

	/** A required integer field. */
	public static long requiredLong(JsonNode body, String field) {
		Long value = optionalLong(body, field);
		if (value == null) {
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_REQUIRED, field));
		}
		return value;
	}

	/** A string field; null when absent or JSON null. */
	public static String optionalString(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_NOT_STRING, field));
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
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_NOT_BOOLEAN, field));
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
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_NOT_NUMBER, field));
		}
		return value.doubleValue();
	}

	/** A notes object of strings, in its given order; null when absent or JSON null. */
	public static Map<String, String> optionalNotes(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw GatewayException.badRequest(field, GatewayChoices.TEXT_NOTES_SHAPE);
		}
		Map<String, String> notes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			if (!entry.getValue().isString()) {
				throw GatewayException.badRequest(field, GatewayChoices.TEXT_NOTES_SHAPE);
			}
			notes.put(entry.getKey(), entry.getValue().stringValue());
		}
		return notes;
	}

}
