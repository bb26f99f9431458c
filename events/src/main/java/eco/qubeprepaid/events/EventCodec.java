package eco.qubeprepaid.events;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into JSON payloads and back. The payload is the record's fields; the type
 * token and version travel beside it (Kafka headers). Decoding checks everything the
 * records check, so a malformed or schema-violating payload fails here, before any
 * effect, with a {@link MalformedEventException} that says why.
 */
public final class EventCodec {

	private final JsonMapper mapper;

	/** Creates a codec with the project's JSON settings. */
	public EventCodec() {
		this.mapper = JsonMapper.builder()
			// Keep the +05:30 offset of meter timestamps instead of shifting them to UTC.
			.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			// A missing or null primitive (a count, a flag) is refused; a missing
			// reference field decodes as null and the record's own checks refuse it if it
			// is required. So a field added later within a version (always a nullable
			// one) is null in the payload of an older producer, and a field this build
			// does not know is ignored: additive changes break no consumer.
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	/**
	 * Encodes an event.
	 * @param event the event
	 * @return its type and JSON payload
	 */
	public Encoded encode(DomainEvent event) {
		EventType type = EventType.of(event);
		return new Encoded(type, this.mapper.writeValueAsBytes(event));
	}

	/**
	 * Decodes a payload.
	 * @param token the type token from the header
	 * @param version the version from the header
	 * @param payload the JSON payload
	 * @return the event
	 * @throws MalformedEventException if the token or version is unknown or the payload
	 * does not parse into a valid event
	 */
	public DomainEvent decode(String token, int version, byte[] payload) {
		EventType type = EventType.ofToken(token)
			.orElseThrow(() -> new MalformedEventException("unknown event type token '" + token + "'"));
		if (version != type.version()) {
			throw new MalformedEventException(
					"unsupported version " + version + " of '" + token + "' (this build reads " + type.version() + ")");
		}
		try {
			return this.mapper.readValue(payload, type.javaType());
		}
		catch (JacksonException ex) {
			Throwable cause = (ex.getCause() instanceof IllegalArgumentException
					|| ex.getCause() instanceof NullPointerException) ? ex.getCause() : ex;
			throw new MalformedEventException("invalid '" + token + "' payload: " + firstLine(cause.getMessage()), ex);
		}
	}

	/**
	 * Renders an event as a JSON string, for logs and documentation.
	 * @param event the event
	 * @return the JSON text
	 */
	public String toJson(DomainEvent event) {
		return new String(encode(event).payload(), StandardCharsets.UTF_8);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "(no detail)";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	/**
	 * An encoded event.
	 *
	 * @param type its type
	 * @param payload its JSON payload
	 */
	public record Encoded(EventType type, byte[] payload) {
	}

}
