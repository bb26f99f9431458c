package eco.qubeprepaid.poller.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import eco.qubeprepaid.service.messaging.EventRecords;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one event record to Kafka and waits for the broker's acknowledgement (the
 * producer is idempotent with {@code acks=all}), with the id, type token and version in
 * headers. Used for what the poller publishes directly, without the outbox.
 */
@Component
public class KafkaEvents {

	/** How long the poller waits for the broker to acknowledge a direct send. */
	public static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

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
		try {
			this.template.send(EventRecords.of(topic, key, eventId, type, version, payload))
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
