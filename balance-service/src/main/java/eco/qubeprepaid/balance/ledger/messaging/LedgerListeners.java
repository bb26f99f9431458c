package eco.qubeprepaid.balance.ledger.messaging;

import eco.qubeprepaid.balance.ledger.application.SnapshotBilling;
import eco.qubeprepaid.balance.ledger.application.TopUpCrediting;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.events.TopUpCaptured;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes snapshots and captured top-ups. Each record is applied in one database
 * transaction (in the application services); a failure rolls it back whole and the error
 * handler of {@link MessagingConfiguration} retries or dead-letters it.
 */
@Component
public class LedgerListeners {

	private final InboundRecords records;

	private final SnapshotBilling snapshots;

	private final TopUpCrediting topUps;

	public LedgerListeners(InboundRecords records, SnapshotBilling snapshots, TopUpCrediting topUps) {
		this.records = records;
		this.snapshots = snapshots;
		this.topUps = topUps;
	}

	/**
	 * Snapshots are I/O-bound on the database, so they are consumed by one thread per
	 * partition; the wallet lock keeps each premise's movements serial across threads.
	 */
	@KafkaListener(id = "balance-snapshots", topics = Topics.DEVICE_SNAPSHOTS,
			concurrency = "${qube.balance.consumer.snapshot-concurrency:3}")
	void onSnapshot(ConsumerRecord<String, byte[]> record) {
		this.snapshots.apply(this.records.decode(record, DeviceSnapshotted.class));
	}

	@KafkaListener(id = "balance-top-ups", topics = Topics.PAYMENTS)
	void onTopUp(ConsumerRecord<String, byte[]> record) {
		this.topUps.apply(this.records.decode(record, TopUpCaptured.class));
	}

}
