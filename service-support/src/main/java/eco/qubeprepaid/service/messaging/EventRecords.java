package eco.qubeprepaid.service.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import eco.qubeprepaid.events.Headers;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds the Kafka record of an event the way every producer of the project sends it:
 * keyed by the premise, so that one premise's events share a partition and stay in order,
 * with the event id, type token and schema version in headers, so that consumers can
 * deduplicate and route before they parse the payload.
 */
public final class EventRecords {

	private EventRecords() {
	}

	/**
	 * Builds an event record.
	 * @param topic the topic
	 * @param key the record key (the premise)
	 * @param eventId the event id
	 * @param type the type token
	 * @param version the schema version
	 * @param payload the JSON payload
	 * @return the record, headers included
	 */
	public static ProducerRecord<String, byte[]> of(String topic, String key, UUID eventId, String type, int version,
			byte[] payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
		record.headers()
			.add(Headers.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8))
			.add(Headers.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8))
			.add(Headers.EVENT_VERSION, Integer.toString(version).getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
