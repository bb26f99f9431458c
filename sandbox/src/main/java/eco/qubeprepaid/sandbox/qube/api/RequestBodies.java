package eco.qubeprepaid.sandbox.qube.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.sandbox.qube.model.QubeException;
import eco.qubeprepaid.sandbox.qube.model.SimChoices;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict reading of the JSON bodies of the public writes: malformed JSON, a wrong type or
 * an out-of-range value is a validation_error (400) and nothing changes. Unknown fields
 * are ignored.
 */
final class RequestBodies {

	private static final List<String> TEXT_FIELDS = List.of("name", "description", "udf1", "udf2", "udf3", "udf4",
			"udf5");

	private final JsonMapper mapper;

	RequestBodies(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** Parses the body as a JSON object. */
	JsonNode object(String body) {
		if (body == null || body.isBlank()) {
			throw QubeException.invalid("A JSON object body is required.");
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw QubeException.invalid("The body is not valid JSON.");
		}
		if (node == null || !node.isObject()) {
			throw QubeException.invalid("The body must be a JSON object.");
		}
		return node;
	}

	/** A required boolean field. */
	static boolean requiredBoolean(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || !value.isBoolean()) {
			throw QubeException.invalid(field + " is required and must be true or false.");
		}
		return value.booleanValue();
	}

	/** An optional integer field within [min, max]; {@code null} when absent. */
	static Long optionalLong(JsonNode body, String field, long min, long max) {
		JsonNode value = body.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
				|| value.longValue() > max) {
			throw QubeException.invalid(field + " must be an integer between " + min + " and " + max + ".");
		}
		return value.longValue();
	}

	/** A required integer field within [min, max]. */
	static long requiredLong(JsonNode body, String field, long min, long max) {
		Long value = optionalLong(body, field, min, max);
		if (value == null) {
			throw QubeException.invalid(field + " is required.");
		}
		return value;
	}

	/** A required string field with a length in [min, max]. */
	static String requiredString(JsonNode body, String field, int min, int max) {
		String value = optionalString(body, field, min, max);
		if (value == null) {
			throw QubeException.invalid(field + " is required and must be a string.");
		}
		return value;
	}

	/** An optional string; {@code null} when absent. */
	static String optionalString(JsonNode body, String field, int min, int max) {
		JsonNode value = body.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isString() || value.stringValue().length() < min || value.stringValue().length() > max) {
			throw QubeException.invalid(field + " must be a string of " + min + " to " + max + " characters.");
		}
		return value.stringValue();
	}

	/**
	 * The metadata fields present in the body (name, description, udf1 to udf5) for a
	 * partial update (G8, G28): each a string of at most 255 characters or null; name may
	 * not be null.
	 */
	static Map<String, String> metadata(JsonNode body) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : TEXT_FIELDS) {
			JsonNode value = body.get(field);
			if (value == null) {
				continue;
			}
			if (value.isNull() && !field.equals("name")) {
				fields.put(field, null);
			}
			else if (value.isString() && value.stringValue().length() <= SimChoices.TEXT_MAX_LENGTH) {
				fields.put(field, value.stringValue());
			}
			else {
				throw QubeException.invalid(field + " must be a string of at most " + SimChoices.TEXT_MAX_LENGTH
						+ " characters" + (field.equals("name") ? "." : ", or null."));
			}
		}
		return fields;
	}

	/** The optional {@code tags} array of strings (G28); {@code null} when absent. */
	static List<String> tags(JsonNode body) {
		JsonNode value = body.get("tags");
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw QubeException.invalid("tags must be an array of strings.");
		}
		List<String> tags = new ArrayList<>();
		for (JsonNode tag : value) {
			if (!tag.isString() || tag.stringValue().length() > SimChoices.TEXT_MAX_LENGTH) {
				throw QubeException.invalid(
						"tags must be an array of strings of at most " + SimChoices.TEXT_MAX_LENGTH + " characters.");
			}
			tags.add(tag.stringValue());
		}
		return tags;
	}

}
