package eco.qubeprepaid.service.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A service's transactional outbox: events are appended in the transaction of the state
 * change they report, so that an event exists if and only if its change was committed,
 * and {@link OutboxRelay} publishes them later in id order.
 * <p>
 * It works on the service's own table {@code outbox}, which its Flyway migrations create
 * with at least these columns: {@code outbox_id bigint} (identity, the publication
 * order), {@code event_id uuid} (unique), {@code event_type}, {@code topic},
 * {@code message_key} (text), {@code event_version integer}, {@code payload bytea},
 * {@code created_at timestamptz} and {@code published_at timestamptz} (null until the
 * broker acknowledged the row). Statements are plain JDBC on the service's
 * {@link JdbcTemplate}, which takes part in the Spring transaction of the same
 * {@code DataSource}, whichever API (jOOQ, JDBC) the caller's own statements use.
 * <p>
 * The methods besides {@code append} are {@link OutboxRelay}'s. They are public so that
 * they also work through a proxy of a subclass (a {@code @Repository} is proxied for
 * exception translation, and a proxy cannot pass on package-private calls).
 */
public class Outbox {

	private static final String INSERT = "INSERT INTO outbox"
			+ " (event_id, event_type, event_version, topic, message_key, payload, created_at)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?)";

	private static final String PENDING = "SELECT outbox_id, event_id, event_type, event_version, topic,"
			+ " message_key, payload FROM outbox WHERE published_at IS NULL AND outbox_id > ? ORDER BY outbox_id LIMIT ?";

	private final JdbcTemplate jdbc;

	private final EventCodec codec;

	private final Clock clock;

	/**
	 * Creates the outbox of a service.
	 * @param jdbc the service's JDBC access to its database
	 * @param codec the event codec
	 * @param clock the service clock, which stamps {@code created_at}
	 */
	public Outbox(JdbcTemplate jdbc, EventCodec codec, Clock clock) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.clock = clock;
	}

	/**
	 * Appends one event in the caller's transaction, keyed by its premise.
	 * @param event the event
	 * @throws IllegalStateException if no transaction is active
	 */
	public void append(DomainEvent event) {
		append(List.of(event));
	}

	/**
	 * Appends events in the caller's transaction as one JDBC batch (one multi-row INSERT
	 * where the driver rewrites batches), in list order, which is their publication
	 * order.
	 * @param events the events
	 * @throws IllegalStateException if no transaction is active
	 */
	public void append(List<? extends DomainEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		// Outside a transaction the row would be committed on its own, whether or not the
		// change it reports ever is.
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox events must be appended in the transaction of their effect");
		}
		OffsetDateTime now = utc(this.clock.instant());
		this.jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement statement, int index) throws SQLException {
				DomainEvent event = events.get(index);
				EventCodec.Encoded encoded = Outbox.this.codec.encode(event);
				statement.setObject(1, event.eventId());
				statement.setString(2, encoded.type().token());
				statement.setInt(3, encoded.type().version());
				statement.setString(4, encoded.type().topic());
				statement.setString(5, event.premiseId());
				statement.setBytes(6, encoded.payload());
				statement.setObject(7, now);
			}

			@Override
			public int getBatchSize() {
				return events.size();
			}

		});
	}

	/**
	 * Takes the relay lock for the current transaction (a PostgreSQL advisory lock,
	 * released at commit or rollback).
	 * @param key the service's lock key
	 * @return whether this transaction holds it (false: another relay is publishing)
	 */
	public boolean tryLock(long key) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, key));
	}

	/**
	 * Loads the oldest unpublished rows above an id.
	 * @param after only rows with a greater id (0 for all)
	 * @param limit the most rows
	 * @return the rows, in id order
	 */
	public List<Pending> pending(long after, int limit) {
		return this.jdbc.query(PENDING, (row, index) -> new Pending(row.getLong(1), row.getObject(2, UUID.class),
				row.getString(3), row.getInt(4), row.getString(5), row.getString(6), row.getBytes(7)), after, limit);
	}

	/**
	 * Marks rows published, in one statement.
	 * @param outboxIds the rows
	 * @param at when the broker acknowledged them
	 */
	public void markPublished(List<Long> outboxIds, Instant at) {
		this.jdbc.update("UPDATE outbox SET published_at = ? WHERE outbox_id = ANY (?)", (statement) -> {
			statement.setObject(1, utc(at));
			statement.setArray(2, statement.getConnection().createArrayOf("bigint", outboxIds.toArray()));
		});
	}

	/**
	 * Counts the rows not yet published.
	 * @return the backlog
	 */
	public long countPending() {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM outbox WHERE published_at IS NULL", Long.class);
		return (count != null) ? count : 0;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * An unpublished row.
	 *
	 * @param outboxId the row's id, the publication order
	 * @param eventId the event id
	 * @param eventType the type token
	 * @param eventVersion the schema version
	 * @param topic the topic
	 * @param key the record key (the premise)
	 * @param payload the JSON payload
	 */
	public record Pending(long outboxId, UUID eventId, String eventType, int eventVersion, String topic, String key,
			byte[] payload) {
	}

}
