package eco.qubeprepaid.poller.outbox.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import org.springframework.stereotype.Repository;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * The transactional outbox. {@link #append} must run inside the transaction of the state
 * change the event reports, so that the event exists if and only if the change was
 * committed.
 */
@Repository
public class OutboxStore {

	private static final Table<Record> OUTBOX = table(name("outbox"));

	private static final Field<Long> ID = field(name("id"), Long.class);

	private static final Field<UUID> EVENT_ID = field(name("event_id"), UUID.class);

	private static final Field<String> TOPIC = field(name("topic"), String.class);

	private static final Field<String> RECORD_KEY = field(name("record_key"), String.class);

	private static final Field<String> EVENT_TYPE = field(name("event_type"), String.class);

	private static final Field<Integer> EVENT_VERSION = field(name("event_version"), Integer.class);

	private static final Field<byte[]> PAYLOAD = field(name("payload"), byte[].class);

	private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);

	private static final Field<OffsetDateTime> PUBLISHED_AT = field(name("published_at"), OffsetDateTime.class);

	private final DSLContext dsl;

	private final EventCodec codec;

	public OutboxStore(DSLContext dsl, EventCodec codec) {
		this.dsl = dsl;
		this.codec = codec;
	}

	/**
	 * Writes an event to the outbox, keyed by its premise.
	 * @param event the event
	 * @param now the time
	 */
	public void append(DomainEvent event, Instant now) {
		EventCodec.Encoded encoded = this.codec.encode(event);
		this.dsl.insertInto(OUTBOX)
			.set(EVENT_ID, event.eventId())
			.set(TOPIC, encoded.type().topic())
			.set(RECORD_KEY, event.premiseId())
			.set(EVENT_TYPE, encoded.type().token())
			.set(EVENT_VERSION, encoded.type().version())
			.set(PAYLOAD, encoded.payload())
			.set(CREATED_AT, now.atOffset(ZoneOffset.UTC))
			.execute();
	}

	/**
	 * Loads the oldest unpublished rows.
	 * @param limit the most rows
	 * @return the rows, oldest first
	 */
	public List<Row> unpublished(int limit) {
		return this.dsl.select(ID, EVENT_ID, TOPIC, RECORD_KEY, EVENT_TYPE, EVENT_VERSION, PAYLOAD)
			.from(OUTBOX)
			.where(PUBLISHED_AT.isNull())
			.orderBy(ID)
			.limit(limit)
			.fetch((r) -> new Row(r.get(ID), r.get(EVENT_ID), r.get(TOPIC), r.get(RECORD_KEY), r.get(EVENT_TYPE),
					r.get(EVENT_VERSION), r.get(PAYLOAD)));
	}

	/**
	 * Marks a row as published.
	 * @param id the row
	 * @param now the time
	 */
	public void markPublished(long id, Instant now) {
		this.dsl.update(OUTBOX).set(PUBLISHED_AT, now.atOffset(ZoneOffset.UTC)).where(ID.eq(id)).execute();
	}

	/**
	 * Counts the rows not yet published.
	 * @return the backlog
	 */
	public int backlog() {
		return this.dsl.select(count()).from(OUTBOX).where(PUBLISHED_AT.isNull()).fetchOne(0, Integer.class);
	}

	/**
	 * One outbox row.
	 *
	 * @param id the row id, the publishing order
	 * @param eventId the event id
	 * @param topic the topic
	 * @param key the record key
	 * @param type the type token
	 * @param version the schema version
	 * @param payload the JSON payload
	 */
	public record Row(long id, UUID eventId, String topic, String key, String type, int version, byte[] payload) {
	}

}
