package eco.qubeprepaid.poller.polling.messaging;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.poller.messaging.KafkaEvents;
import eco.qubeprepaid.poller.polling.application.SnapshotPublisher;

import org.springframework.stereotype.Component;

/**
 * Sends snapshots straight to {@code Topics.DEVICE_SNAPSHOTS}. They bypass the outbox
 * because a snapshot reports a reading, not a state change of this service: a snapshot
 * lost in a crash is superseded by the next poll of the same meter, and the consumer
 * computes consumption from the cumulative register, never from deltas.
 */
@Component
public class KafkaSnapshotPublisher implements SnapshotPublisher {

	private final KafkaEvents kafka;

	private final EventCodec codec;

	public KafkaSnapshotPublisher(KafkaEvents kafka, EventCodec codec) {
		this.kafka = kafka;
		this.codec = codec;
	}

	@Override
	public void publish(DeviceSnapshotted snapshot) {
		EventCodec.Encoded encoded = this.codec.encode(snapshot);
		this.kafka.send(encoded.type().topic(), snapshot.premiseId(), snapshot.eventId(), encoded.type().token(),
				encoded.type().version(), encoded.payload());
	}

}
