package eco.qubeprepaid.systemtests.cutoff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.systemtests.support.RecordTap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads one topic from the beginning, in a consumer group of its own, as a downstream
 * consumer would, and keeps the events of the given types per premise (the record key).
 * The type is read from the {@code qp-event-type} header, so records of other types are
 * never decoded. Every record is kept, re-deliveries included, so that a test can tell a
 * second notice from a second delivery of the same notice by its event id.
 */
final class EventTap extends RecordTap {

	private final EventCodec codec = new EventCodec();

	private final Set<String> tokens;

	private final Map<String, List<DomainEvent>> byPremise = new ConcurrentHashMap<>();

	/**
	 * Starts reading.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param types the event types to keep
	 */
	EventTap(String bootstrapServers, String topic, Set<EventType> types) {
		super(bootstrapServers, topic, "system-tests-cutoff-" + UUID.randomUUID(),
				Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), Duration.ofMillis(50),
				"system-tests-cutoff-tap-" + topic);
		this.tokens = types.stream().map(EventType::token).collect(Collectors.toUnmodifiableSet());
		start();
	}

	@Override
	protected void take(ConsumerRecord<String, byte[]> record) {
		String token = header(record, Headers.EVENT_TYPE);
		if (record.key() == null || token == null || !this.tokens.contains(token)) {
			return;
		}
		DomainEvent event = this.codec.decode(token, Integer.parseInt(header(record, Headers.EVENT_VERSION)),
				record.value());
		this.byPremise.computeIfAbsent(record.key(), (k) -> new CopyOnWriteArrayList<>()).add(event);
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

}
