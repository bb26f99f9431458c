package eco.qubeprepaid.poller.outbox.messaging;

import java.time.Clock;
import java.util.List;

import eco.qubeprepaid.poller.outbox.persistence.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Publishes outbox rows in order and stamps each one after the broker acknowledged it. A
 * crash between the two publishes the row again on the next round; consumers drop the
 * duplicate by its event id. Nothing is ever lost, because a row is only stamped after
 * its acknowledgement.
 */
@Component
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxStore store;

	private final KafkaEvents kafka;

	private final Clock clock;

	public OutboxRelay(OutboxStore store, KafkaEvents kafka, Clock clock) {
		this.store = store;
		this.kafka = kafka;
		this.clock = clock;
	}

	/**
	 * Publishes one batch.
	 * @param limit the most rows
	 * @return how many rows were published
	 */
	public int publishBatch(int limit) {
		List<OutboxStore.Row> rows = this.store.unpublished(limit);
		int published = 0;
		for (OutboxStore.Row row : rows) {
			try {
				this.kafka.send(row.topic(), row.key(), row.eventId(), row.type(), row.version(), row.payload());
			}
			catch (RuntimeException ex) {
				// Stop at the first failure so that the rows of one key keep their order.
				log.warn("Outbox row {} ({}) not published yet: {}", row.id(), row.type(), ex.getMessage());
				break;
			}
			this.store.markPublished(row.id(), this.clock.instant());
			published++;
		}
		return published;
	}

}
