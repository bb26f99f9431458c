package eco.qubeprepaid.balance.ledger.messaging;

import java.util.ArrayList;
import java.util.List;

import eco.qubeprepaid.balance.ledger.application.SnapshotBilling;
import eco.qubeprepaid.balance.ledger.application.TopUpCrediting;
import eco.qubeprepaid.service.messaging.InboundRecords;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.events.TopUpCaptured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes snapshots and captured top-ups. Snapshots come in batches (one poll's records)
 * applied in one database transaction; a batch that fails is applied again one record per
 * transaction, so that the record at fault is isolated and handed, by its index, to the
 * platform's error handler ({@code ConsumerErrorHandling}), which retries or dead-letters
 * it after the records before it are committed. A top-up is applied in its own
 * transaction.
 */
@Component
public class LedgerListeners {

	private static final Logger log = LoggerFactory.getLogger(LedgerListeners.class);

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
	 * partition; the wallet locks keep each premise's movements serial across threads.
	 * @param batch the records of one poll, in offset order per partition
	 */
	@KafkaListener(id = "balance-snapshots", topics = Topics.DEVICE_SNAPSHOTS, batch = "true",
			concurrency = "${qp.balance.consumer.snapshot-concurrency:3}")
	void onSnapshots(List<ConsumerRecord<String, byte[]>> batch) {
		List<DeviceSnapshotted> decoded = new ArrayList<>(batch.size());
		for (ConsumerRecord<String, byte[]> record : batch) {
			try {
				decoded.add(this.records.decode(record, DeviceSnapshotted.class));
			}
			catch (RuntimeException ex) {
				// The records before a malformed one are applied; it and the rest go back
				// to the error handler, which dead-letters it and redelivers the rest.
				apply(decoded);
				throw new BatchListenerFailedException("malformed snapshot record", ex, decoded.size());
			}
		}
		apply(decoded);
	}

	private void apply(List<DeviceSnapshotted> decoded) {
		if (decoded.isEmpty()) {
			return;
		}
		try {
			this.snapshots.apply(decoded);
		}
		catch (RuntimeException batchFailure) {
			log.warn("A batch of {} snapshots failed ({}); applying them one at a time", decoded.size(),
					batchFailure.toString());
			for (int i = 0; i < decoded.size(); i++) {
				try {
					this.snapshots.apply(decoded.get(i));
				}
				catch (RuntimeException ex) {
					throw new BatchListenerFailedException("snapshot " + decoded.get(i).eventId() + " failed", ex, i);
				}
			}
		}
	}

	@KafkaListener(id = "balance-top-ups", topics = Topics.PAYMENTS)
	void onTopUp(ConsumerRecord<String, byte[]> record) {
		this.topUps.apply(this.records.decode(record, TopUpCaptured.class));
	}

}
