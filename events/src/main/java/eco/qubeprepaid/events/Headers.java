package eco.qubeprepaid.events;

/**
 * Kafka header names. The type token and version travel in headers so that a consumer can
 * route or reject a record before it parses the payload, and so that Java class names
 * never appear on the wire.
 */
public final class Headers {

	/** The event's id, as in {@link DomainEvent#eventId()}. */
	public static final String EVENT_ID = "qp-event-id";

	/** The stable type token, see {@link EventType#token()}. */
	public static final String EVENT_TYPE = "qp-event-type";

	/** The payload's schema version, see {@link EventType#version()}. */
	public static final String EVENT_VERSION = "qp-event-version";

	/**
	 * On a dead-letter topic ({@code <topic>.dlt}): why the record could not be applied,
	 * e.g. the {@link MalformedEventException}'s message.
	 */
	public static final String DLT_REASON = "qp-dlt-reason";

	private Headers() {
	}

}
