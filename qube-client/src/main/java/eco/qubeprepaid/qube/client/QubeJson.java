package eco.qubeprepaid.qube.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.DeviceMetrics;
import eco.qubeprepaid.qube.client.model.DeviceSummary;
import eco.qubeprepaid.qube.client.model.History;
import eco.qubeprepaid.qube.client.model.HistoryReading;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Reading;
import eco.qubeprepaid.qube.client.model.Space;
import eco.qubeprepaid.qube.client.model.Udfs;
import eco.qubeprepaid.qube.client.model.WriteAck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Qube JSON into the client's records. It maps by hand from the tree so that
 * missing keys become {@code null} (never a made-up zero), unknown keys are ignored,
 * decimals stay exact and timestamps keep the offset they were sent with, whatever the
 * JVM's time zone.
 */
final class QubeJson {

	/** Floats are read as BigDecimal so that 1025.5 stays exactly 1025.5. */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private QubeJson() {
	}

	/**
	 * Parses a response body into an envelope.
	 * @param body the body
	 * @return the envelope
	 * @throws IllegalArgumentException if the body is not a JSON object
	 */
	static Envelope parseEnvelope(String body) {
		JsonNode root;
		try {
			root = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("body is not JSON: " + excerpt(body), ex);
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("body is not a JSON object: " + excerpt(body));
		}
		JsonNode success = root.path("success");
		JsonNode error = root.path("error");
		return new Envelope(success.isBoolean() ? success.booleanValue() : null, root.path("data"), text(error, "code"),
				text(error, "detail"), text(root, "message"), text(root, "timestamp"));
	}

	/**
	 * Serialises a request body.
	 * @param fields the body fields
	 * @return the JSON text
	 */
	static String write(Map<String, Object> fields) {
		return MAPPER.writeValueAsString(fields);
	}

	static List<Space> spaces(JsonNode data) {
		return list(requireArray(data, "spaces"), QubeJson::space);
	}

	static Space space(JsonNode node) {
		requireObject(node, "space");
		return new Space(node.path("space_id").longValue(0), text(node, "name"), text(node, "description"),
				list(node.path("devices"), QubeJson::deviceSummary), list(node.path("tags"), JsonNode::asString),
				udfs(node));
	}

	static DeviceDetails deviceDetails(JsonNode node) {
		requireObject(node, "device");
		return new DeviceDetails(text(node, "device_id"), text(node, "name"), text(node, "description"),
				wholeNumber(node, "space_id"), node.path("is_online").asBoolean(false),
				node.path("has_relay").asBoolean(false), Mode.fromWire(text(node, "active_mode")),
				wholeNumber(node, "balance"), bool(node, "relay_state"), wholeNumber(node, "eb_tariff"),
				wholeNumber(node, "dg_tariff"), smallNumber(node, "active_tariff"), bool(node, "pg_enabled"),
				list(node.path("readings"), QubeJson::reading), udfs(node));
	}

	static DeviceMetrics deviceMetrics(JsonNode node) {
		requireObject(node, "metrics");
		return new DeviceMetrics(text(node, "device_id"), wholeNumber(node, "eb_tariff"),
				wholeNumber(node, "dg_tariff"), smallNumber(node, "active_tariff"), decimal(node, "energy"),
				decimal(node, "active_power"), decimal(node, "voltage"), wholeNumber(node, "balance"),
				bool(node, "relay_state"), Mode.fromWire(text(node, "mode")), bool(node, "pg_enabled"));
	}

	static History history(JsonNode node) {
		requireObject(node, "history");
		return new History(text(node, "device_id"), date(node, "from_date"), date(node, "to_date"),
				list(node.path("readings"), QubeJson::historyReading));
	}

	static WriteAck writeAck(Envelope envelope) {
		JsonNode data = envelope.data();
		boolean confirmed = (data.isBoolean() && data.booleanValue()) || data.isObject();
		return new WriteAck(confirmed, envelope.message());
	}

	private static DeviceSummary deviceSummary(JsonNode node) {
		return new DeviceSummary(text(node, "device_id"), text(node, "name"), Mode.fromWire(text(node, "active_mode")),
				udfs(node));
	}

	private static Reading reading(JsonNode node) {
		return new Reading(text(node, "property_id"), decimal(node, "value"), text(node, "unit"));
	}

	private static HistoryReading historyReading(JsonNode node) {
		String timestamp = text(node, "timestamp");
		return new HistoryReading(text(node, "property_id"), decimal(node, "value"), text(node, "unit"),
				(timestamp != null) ? OffsetDateTime.parse(timestamp) : null);
	}

	private static Udfs udfs(JsonNode node) {
		return new Udfs(text(node, "udf1"), text(node, "udf2"), text(node, "udf3"), text(node, "udf4"),
				text(node, "udf5"));
	}

	private static <T> List<T> list(JsonNode array, Function<JsonNode, T> mapper) {
		List<T> result = new ArrayList<>();
		if (array.isArray()) {
			for (JsonNode element : array.values()) {
				result.add(mapper.apply(element));
			}
		}
		return result;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	private static Boolean bool(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isBoolean() ? value.booleanValue() : null;
	}

	/**
	 * Reads an exact decimal; booleans (as in a {@code relay_state} history) become 1 and
	 * 0.
	 */
	private static BigDecimal decimal(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isBoolean()) {
			return value.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		if (value.isString()) {
			return new BigDecimal(value.stringValue());
		}
		return null;
	}

	/**
	 * Reads money, tariffs and IDs; a fractional value is a protocol error, not something
	 * to round silently.
	 */
	private static Long wholeNumber(JsonNode node, String field) {
		BigDecimal value = decimal(node, field);
		return (value != null) ? value.longValueExact() : null;
	}

	private static Integer smallNumber(JsonNode node, String field) {
		Long value = wholeNumber(node, field);
		return (value != null) ? Math.toIntExact(value) : null;
	}

	private static LocalDate date(JsonNode node, String field) {
		String value = text(node, field);
		return (value != null) ? LocalDate.parse(value) : null;
	}

	private static JsonNode requireArray(JsonNode node, String what) {
		if (!node.isArray()) {
			throw new IllegalArgumentException("data of " + what + " is not an array");
		}
		return node;
	}

	private static void requireObject(JsonNode node, String what) {
		if (!node.isObject()) {
			throw new IllegalArgumentException("data of " + what + " is not an object");
		}
	}

	static String excerpt(String body) {
		if (body == null) {
			return "<no body>";
		}
		String flat = body.replaceAll("\\s+", " ").strip();
		return (flat.length() <= 120) ? "'" + flat + "'" : "'" + flat.substring(0, 120) + "…'";
	}

}
