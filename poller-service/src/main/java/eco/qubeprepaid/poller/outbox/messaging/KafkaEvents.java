package eco.qubeprepaid.poller.outbox.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import eco.qubeprepaid.events.Headers;

/**
 * Sends one event record to Kafka and waits for the broker's acknowledgement (the
 * producer is idempotent with {@code acks=all}), with the id, type token and version in
 * headers.
 */
@Component
public class KafkaEvents {

	private final KafkaTemplate<String, byte[]> template;

	public KafkaEvents(KafkaTemplate<String, byte[]> template) {
		this.template = template;
	}

	/**
	 * Sends and waits.
	 * @param topic the topic
	 * @param key the premise key
	 * @param eventId the event id
	 * @param type the type token
	 * @param version the schema version
	 * @param payload the JSON payload
	 * @throws IllegalStateException if the broker did not acknowledge in time
	 */
	public void send(String topic, String key, UUID eventId, String type, int version, byte[] payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add(Headers.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add(Headers.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
		record.headers().add(Headers.EVENT_VERSION, Integer.toString(version).getBytes(StandardCharsets.UTF_8));
		try {
			this.template.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending " + type, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge " + type + " " + eventId, ex);
		}
	}

}
