package eco.qubeprepaid.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the system tests and benchmarks do on the broker as outsiders: publish events the
 * way producers do (key = premise, headers id/type/version), re-publish records exactly
 * as read, and tell whether a consumer group has consumed what was published up to a
 * moment.
 */
public final class KafkaSupport implements AutoCloseable {

	private final EventCodec codec = new EventCodec();

	private final KafkaProducer<String, byte[]> producer;

	private final Admin admin;

	/**
	 * Connects to a broker.
	 * @param bootstrapServers the broker
	 */
	public KafkaSupport(String bootstrapServers) {
		Properties producerProperties = new Properties();
		producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
		producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
		this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
		Properties adminProperties = new Properties();
		adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		this.admin = Admin.create(adminProperties);
	}

	/**
	 * Publishes an event without waiting for the acknowledgement.
	 * @param topic the topic
	 * @param event the event
	 * @return the pending acknowledgement
	 */
	public Future<RecordMetadata> publish(String topic, DomainEvent event) {
		EventCodec.Encoded encoded = this.codec.encode(event);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.premiseId(), encoded.payload());
		record.headers()
			.add(Headers.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8))
			.add(Headers.EVENT_TYPE, encoded.type().token().getBytes(StandardCharsets.UTF_8))
			.add(Headers.EVENT_VERSION, Integer.toString(encoded.type().version()).getBytes(StandardCharsets.UTF_8));
		return this.producer.send(record);
	}

	/**
	 * Publishes a record as it is, headers or none: a malformed one, for the consumers to
	 * dead-letter.
	 * @param topic the topic
	 * @param key the key
	 * @param payload the payload
	 * @return the pending acknowledgement
	 */
	public Future<RecordMetadata> publishRaw(String topic, String key, byte[] payload) {
		return this.producer.send(new ProducerRecord<>(topic, key, payload));
	}

	/**
	 * Deletes the project's topics (and their dead-letter topics) so that this JVM starts
	 * on empty ones. On a broker shared by the whole build (EXTERNAL mode, as in
	 * {@code .ci/run}) the earlier modules' tests leave snapshots and commands for
	 * premises whose identities the generated fleets here reuse; the system would bill
	 * them otherwise. The system-tests module runs after every other module, so nothing
	 * else is using the topics then.
	 */
	public void deleteProjectTopics() {
		try {
			List<String> ours = this.admin.listTopics()
				.names()
				.get(30, TimeUnit.SECONDS)
				.stream()
				.filter((name) -> name.startsWith("qube.") || name.startsWith("ledger.")
						|| name.startsWith("payments."))
				.toList();
			if (!ours.isEmpty()) {
				this.admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (this.admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().anyMatch(ours::contains)) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("Topics still exist 30 s after deletion: " + ours);
					}
					Thread.onSpinWait();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while deleting topics", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not delete the project's topics", ex);
		}
	}

	/**
	 * Publishes records again exactly as they were read (key, value, headers), to the
	 * topic they came from, and waits for every acknowledgement.
	 * @param records the records
	 */
	public void republish(List<ConsumerRecord<String, byte[]>> records) {
		List<Future<RecordMetadata>> sends = records.stream()
			.map((r) -> this.producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())))
			.toList();
		sends.forEach(KafkaSupport::join);
	}

	/**
	 * Waits until everything published so far is acknowledged.
	 */
	public void flush() {
		this.producer.flush();
	}

	/**
	 * The end offsets of a topic's partitions now: what has been published so far.
	 * @param topic the topic
	 * @return the end offset of each partition
	 */
	public Map<TopicPartition, Long> endOffsets(String topic) {
		try {
			TopicDescription description = this.admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(topic);
			Map<TopicPartition, OffsetSpec> latest = description.partitions()
				.stream()
				.collect(Collectors.toMap((p) -> new TopicPartition(topic, p.partition()), (p) -> OffsetSpec.latest()));
			return this.admin.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS)
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the end offsets of " + topic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot read the end offsets of " + topic, ex);
		}
	}

	/**
	 * Tells whether a consumer group has committed every record up to some end offsets
	 * (taken with {@link #endOffsets}): on a topic that keeps receiving records, "no lag"
	 * is a moment that may never be sampled, while "consumed what was there then" is
	 * reached for sure.
	 * @param groupId the group
	 * @param ends the end offsets to reach
	 * @return true once committed up to them
	 */
	public boolean consumedUpTo(String groupId, Map<TopicPartition, Long> ends) {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(groupId)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			return ends.entrySet().stream().allMatch((end) -> {
				OffsetAndMetadata done = committed.get(end.getKey());
				return end.getValue() == 0 || (done != null && done.offset() >= end.getValue());
			});
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the offsets of " + groupId, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot read the offsets of " + groupId, ex);
		}
	}

	private static void join(Future<RecordMetadata> send) {
		try {
			send.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The broker did not acknowledge a record", ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
		this.admin.close();
	}

}
