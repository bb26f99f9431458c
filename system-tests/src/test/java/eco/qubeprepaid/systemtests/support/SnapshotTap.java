package eco.qubeprepaid.systemtests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code qube.device-snapshots.v1} from the beginning as any downstream consumer
 * would, in its own group, and keeps every distinct snapshot record (for re-delivery) and
 * the latest snapshot of each premise (to know what the poller has seen). A record whose
 * event id was seen before (a re-delivery) changes neither.
 */
public final class SnapshotTap extends RecordTap {

	private final EventCodec codec = new EventCodec();

	private final Map<String, DeviceSnapshotted> latest = new ConcurrentHashMap<>();

	private final Map<String, List<DeviceSnapshotted>> history = new ConcurrentHashMap<>();

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	private final Set<String> seen = new HashSet<>();

	/**
	 * Starts reading.
	 * @param bootstrapServers the broker
	 */
	public SnapshotTap(String bootstrapServers) {
		super(bootstrapServers, Topics.DEVICE_SNAPSHOTS, "system-tests-tap", Map.of(), Duration.ofMillis(100),
				"system-tests-snapshot-tap");
		start();
	}

	@Override
	protected void take(ConsumerRecord<String, byte[]> record) {
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

}
