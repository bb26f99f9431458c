package eco.qubeprepaid.systemtests.cutoff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.Headers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from the beginning, in a consumer group of its own, as a downstream
 * consumer would, and keeps the events of the given types per premise (the record key).
 * The type is read from the {@code qp-event-type} header, so records of other types are
 * never decoded. Every record is kept, re-deliveries included, so that a test can tell a
 * second notice from a second delivery of the same notice by its event id.
 */
final class EventTap implements AutoCloseable {

	private final EventCodec codec = new EventCodec();

	private final Set<String> tokens;

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread thread;

	private final Map<String, List<DomainEvent>> byPremise = new ConcurrentHashMap<>();

	private volatile boolean running = true;

	/**
	 * Starts reading.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param types the event types to keep
	 */
	EventTap(String bootstrapServers, String topic, Set<EventType> types) {
		this.tokens = types.stream().map(EventType::token).collect(Collectors.toUnmodifiableSet());
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-cutoff-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
		this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topic));
		this.thread = new Thread(this::run, "system-tests-cutoff-tap-" + topic);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(50))) {
					take(record);
				}
			}
		}
		catch (WakeupException ex) {
			// close() stops the loop.
		}
		finally {
			this.consumer.close();
		}
	}

	private void take(ConsumerRecord<String, byte[]> record) {
		String token = header(record, Headers.EVENT_TYPE);
		if (record.key() == null || token == null || !this.tokens.contains(token)) {
			return;
		}
		DomainEvent event = this.codec.decode(token, Integer.parseInt(header(record, Headers.EVENT_VERSION)),
				record.value());
		this.byPremise.computeIfAbsent(record.key(), (k) -> new CopyOnWriteArrayList<>()).add(event);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * Returns the kept events of one premise of one type, in the order they were read,
	 * re-deliveries included.
	 * @param <T> the event's type
	 * @param premiseId the premise (the record key)
	 * @param type the event's class
	 * @return the events
	 */
	<T extends DomainEvent> List<T> of(String premiseId, Class<T> type) {
		return this.byPremise.getOrDefault(premiseId, List.of())
			.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
