package eco.qubeprepaid.poller.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.testsupport.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads everything the poller publishes, as a downstream consumer would, and keeps the
 * decoded events with their record keys for assertions.
 */
public class EventTap {

	private final EventCodec codec = new EventCodec();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<TopicPartition, Long> nextOffsets = new ConcurrentHashMap<>();

	@KafkaListener(id = "poller-tests-tap", groupId = "poller-tests-tap",
			topics = { Topics.DEVICE_SNAPSHOTS, Topics.DEVICE_COMMAND_RESULTS, Topics.DEVICE_REGISTRY })
	void onRecord(ConsumerRecord<String, byte[]> record) {
		String type = new String(record.headers().lastHeader(Headers.EVENT_TYPE).value(), StandardCharsets.UTF_8);
		int version = Integer
			.parseInt(new String(record.headers().lastHeader(Headers.EVENT_VERSION).value(), StandardCharsets.UTF_8));
		this.received.add(new Received(record.key(), this.codec.decode(type, version, record.value())));
		this.nextOffsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
	}

	/**
	 * Tells whether the tap has read every record of a topic up to the given end offsets
	 * (taken with {@link #endOffsets}), so that what was published before is in it.
	 * @param ends the end offsets by partition
	 * @return true once read up to them
	 */
	public boolean caughtUpWith(Map<TopicPartition, Long> ends) {
		return ends.entrySet()
			.stream()
			.allMatch(
					(end) -> end.getValue() == 0 || this.nextOffsets.getOrDefault(end.getKey(), 0L) >= end.getValue());
	}

	/**
	 * The end offsets of a topic's partitions now.
	 * @param topic the topic
	 * @return the end offset of each partition
	 */
	public static Map<TopicPartition, Long> endOffsets(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.get().kafkaBootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			return consumer.endOffsets(partitions);
		}
	}

	/**
	 * Returns the events of a type that match, in arrival order.
	 * @param <T> the type
	 * @param type the class
	 * @param filter the condition
	 * @return the matching events with their keys
	 */
	public <T extends DomainEvent> List<Keyed<T>> of(Class<T> type, Predicate<T> filter) {
		return this.received.stream()
			.filter((r) -> type.isInstance(r.event()) && filter.test(type.cast(r.event())))
			.map((r) -> new Keyed<>(r.key(), type.cast(r.event())))
			.toList();
	}

	/**
	 * A received event.
	 *
	 * @param key the record key
	 * @param event the event
	 */
	record Received(String key, DomainEvent event) {
	}

	/**
	 * A typed received event.
	 *
	 * @param <T> the type
	 * @param key the record key
	 * @param event the event
	 */
	public record Keyed<T>(String key, T event) {
	}

}
