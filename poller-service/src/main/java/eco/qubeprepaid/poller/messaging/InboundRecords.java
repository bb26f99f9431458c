package eco.qubeprepaid.poller.messaging;

import java.nio.charset.StandardCharsets;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads the events the poller consumes from their Kafka records: the type token and
 * version from the headers, the payload through the {@link EventCodec}. Every listener of
 * the poller decodes through here, so a record is judged malformed by the same rules
 * whatever the topic.
 */
public final class InboundRecords {

	private InboundRecords() {
	}

	/**
	 * Decodes a record.
	 * @param codec the codec
	 * @param record the record
	 * @return the event
	 * @throws MalformedEventException if a header is missing or bad, or the payload does
	 * not decode into a valid event
	 */
	public static DomainEvent decode(EventCodec codec, ConsumerRecord<String, byte[]> record) {
		String type = header(record, Headers.EVENT_TYPE);
		if (type == null) {
			throw new MalformedEventException("no " + Headers.EVENT_TYPE + " header");
		}
		String version = header(record, Headers.EVENT_VERSION);
		int parsedVersion;
		try {
			parsedVersion = Integer.parseInt(version);
		}
		catch (NumberFormatException ex) {
			throw new MalformedEventException("bad version header '" + version + "'");
		}
		return codec.decode(type, parsedVersion, record.value());
	}

	/**
	 * Returns a header's last value as text.
	 * @param record the record
	 * @param name the header
	 * @return the value, {@code null} when absent
	 */
	public static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
