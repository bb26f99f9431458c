package eco.qubeprepaid.balance.ledger.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.balance.jooq.Tables.OUTBOX;

/**
 * The transactional outbox: events are appended in the transaction of their effect and
 * published later by the relay, in id order.
 */
@Repository
public class OutboxStore {

	/**
	 * The advisory lock key that makes one relay at a time publish, so that rows leave in
	 * order even with several instances.
	 */
	private static final long RELAY_LOCK_KEY = 0x0B0C_0001L;

	private final DSLContext dsl;

	private final EventCodec codec;

	public OutboxStore(DSLContext dsl, EventCodec codec) {
		this.dsl = dsl;
		this.codec = codec;
	}

	/**
	 * Appends events in the caller's transaction, one statement for all, in list order.
	 * @param events the events
	 */
	public void append(List<DomainEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		BatchBindStep batch = this.dsl.batch(
				this.dsl
					.insertInto(OUTBOX, OUTBOX.EVENT_ID, OUTBOX.EVENT_TYPE, OUTBOX.EVENT_VERSION, OUTBOX.TOPIC,
							OUTBOX.MESSAGE_KEY, OUTBOX.PAYLOAD)
					.values((UUID) null, null, null, null, null, null));
		for (DomainEvent event : events) {
			EventCodec.Encoded encoded = this.codec.encode(event);
			batch.bind(event.eventId(), encoded.type().token(), encoded.type().version(), encoded.type().topic(),
					event.premiseId(), encoded.payload());
		}
		batch.execute();
	}

	/**
	 * Takes the relay lock for the current transaction.
	 * @return whether this transaction holds it (another relay may be publishing)
	 */
	public boolean tryRelayLock() {
		return Boolean.TRUE
			.equals(this.dsl.select(DSL.field("pg_try_advisory_xact_lock({0})", Boolean.class, DSL.val(RELAY_LOCK_KEY)))
				.fetchOne(0, Boolean.class));
	}

	/**
	 * @param limit the most rows
	 * @return the oldest unpublished rows, in order
	 */
	public List<PendingEvent> pending(int limit) {
		return this.dsl.selectFrom(OUTBOX)
			.where(OUTBOX.PUBLISHED_AT.isNull())
			.orderBy(OUTBOX.OUTBOX_ID)
			.limit(limit)
			.fetch((row) -> new PendingEvent(row.getOutboxId(), row.getEventId(), row.getEventType(),
					row.getEventVersion(), row.getTopic(), row.getMessageKey(), row.getPayload()));
	}

	/**
	 * Marks rows published.
	 * @param outboxIds the rows
	 * @param at when
	 */
	public void markPublished(Collection<Long> outboxIds, Instant at) {
		this.dsl.update(OUTBOX)
			.set(OUTBOX.PUBLISHED_AT, DbTime.utc(at))
			.where(OUTBOX.OUTBOX_ID.in(outboxIds))
			.execute();
	}

	/**
	 * @return how many rows wait to be published
	 */
	public long countPending() {
		return this.dsl.fetchCount(OUTBOX, OUTBOX.PUBLISHED_AT.isNull());
	}

	/**
	 * An unpublished event.
	 *
	 * @param outboxId the row's id, the publication order
	 * @param eventId the event id
	 * @param eventType the type token
	 * @param eventVersion the version
	 * @param topic the topic
	 * @param key the record key (the premise)
	 * @param payload the JSON payload
	 */
	public record PendingEvent(long outboxId, UUID eventId, String eventType, int eventVersion, String topic,
			String key, byte[] payload) {
	}

}
