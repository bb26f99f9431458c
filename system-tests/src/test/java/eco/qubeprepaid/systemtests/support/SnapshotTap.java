package eco.qubeprepaid.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code qube.device-snapshots.v1} from the beginning as any downstream consumer
 * would, in its own group, and keeps every distinct snapshot record (for re-delivery) and
 * the latest snapshot of each premise (to know what the poller has seen). A record whose
 * event id was seen before (a re-delivery) changes neither.
 */
public final class SnapshotTap implements AutoCloseable {

	private final EventCodec codec = new EventCodec();

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread thread;

	private final Map<String, DeviceSnapshotted> latest = new ConcurrentHashMap<>();

	private final Map<String, List<DeviceSnapshotted>> history = new ConcurrentHashMap<>();

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	private final Set<String> seen = new HashSet<>();

	private volatile boolean running = true;

	/**
	 * Starts reading.
	 * @param bootstrapServers the broker
	 */
	public SnapshotTap(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-tap");
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
		this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(Topics.DEVICE_SNAPSHOTS));
		this.thread = new Thread(this::run, "system-tests-snapshot-tap");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
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
		String eventId = header(record, Headers.EVENT_ID);
		synchronized (this) {
			if (!this.seen.add(eventId)) {
				return;
			}
			this.records.add(record);
		}
		DeviceSnapshotted snapshot = (DeviceSnapshotted) this.codec.decode(header(record, Headers.EVENT_TYPE),
				Integer.parseInt(header(record, Headers.EVENT_VERSION)), record.value());
		this.latest.put(snapshot.premiseId(), snapshot);
		this.history.computeIfAbsent(snapshot.premiseId(), (p) -> new CopyOnWriteArrayList<>()).add(snapshot);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	/**
	 * Returns the latest snapshot of a premise.
	 * @param premiseId the premise
	 * @return the snapshot, empty if none was seen
	 */
	public Optional<DeviceSnapshotted> latest(String premiseId) {
		return Optional.ofNullable(this.latest.get(premiseId));
	}

	/**
	 * Returns every distinct snapshot of a premise, in order.
	 * @param premiseId the premise
	 * @return the snapshots
	 */
	public List<DeviceSnapshotted> history(String premiseId) {
		return List.copyOf(this.history.getOrDefault(premiseId, List.of()));
	}

	/**
	 * Returns every distinct snapshot record seen so far, in arrival order.
	 * @return a copy of the records
	 */
	public synchronized List<ConsumerRecord<String, byte[]>> records() {
		return List.copyOf(this.records);
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
