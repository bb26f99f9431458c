package eco.qubeprepaid.service.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The one decoder of consumed records, shared by every service: it turns a record into an
 * event, checking everything that must hold before any effect &mdash; the type and
 * version headers, a valid payload, the type the topic carries, an event id header equal
 * to the payload's id and a key equal to the premise. A violation is a
 * {@link MalformedEventException}, which the platform's error handler dead-letters at
 * once with its message as the reason ({@link ConsumerErrorHandling}).
 */
public class InboundRecords {

	private final EventCodec codec;

	public InboundRecords(EventCodec codec) {
		this.codec = Objects.requireNonNull(codec, "codec");
	}

	/**
	 * Decodes and checks a record.
	 * @param record the record
	 * @param expected the event class this topic carries
	 * @param <T> the event type
	 * @return the event
	 * @throws MalformedEventException if the record is malformed
	 */
	public <T extends DomainEvent> T decode(ConsumerRecord<String, byte[]> record, Class<T> expected) {
		String type = header(record, Headers.EVENT_TYPE);
		String versionText = header(record, Headers.EVENT_VERSION);
		int version;
		try {
			version = Integer.parseInt(versionText.trim());
		}
		catch (NumberFormatException ex) {
			throw new MalformedEventException(
					"header " + Headers.EVENT_VERSION + " is not a number: '" + versionText + "'");
		}
		if (record.value() == null) {
			throw new MalformedEventException("record has no payload");
		}
		DomainEvent event = this.codec.decode(type, version, record.value());
		if (!expected.isInstance(event)) {
			throw new MalformedEventException("unexpected event type '" + type + "' on " + record.topic());
		}
		Header id = record.headers().lastHeader(Headers.EVENT_ID);
		if (id != null && !new String(id.value(), StandardCharsets.UTF_8).equals(event.eventId().toString())) {
			throw new MalformedEventException("header " + Headers.EVENT_ID + " does not match the payload's eventId");
		}
		if (!Objects.equals(record.key(), event.premiseId())) {
			throw new MalformedEventException(
					"record key '" + record.key() + "' is not the premiseId '" + event.premiseId() + "'");
		}
		return expected.cast(event);
	}

	/**
	 * The type token of a record, for a consumer that reads only some of a topic's types
	 * and skips the rest before decoding.
	 * @param record the record
	 * @return the token, {@code null} when the header is missing (a malformed record,
	 * which {@link #decode} refuses)
	 */
	public static String typeOf(ConsumerRecord<String, byte[]> record) {
		Header header = record.headers().lastHeader(Headers.EVENT_TYPE);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null) {
			throw new MalformedEventException("missing header " + name);
		}
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
