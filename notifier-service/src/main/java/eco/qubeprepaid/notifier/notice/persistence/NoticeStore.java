package eco.qubeprepaid.notifier.notice.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import eco.qubeprepaid.notifier.notice.domain.AttemptRow;
import eco.qubeprepaid.notifier.notice.domain.NoticeRow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The notices, their delivery log and the consumed events' ids (plain JDBC on the
 * service's database, in the caller's transaction).
 */
@Repository
public class NoticeStore {

	private static final String COLUMNS = "notice_id, event_id, event_type, kind, urgency, premise_id, recipient,"
			+ " channel, address, language, subject, body, status, attempts, created_at, held_until, next_attempt_at,"
			+ " sent_at, delivered_at, provider_message_id, last_error";

	private static final RowMapper<NoticeRow> NOTICE = NoticeStore::notice;

	private final JdbcTemplate jdbc;

	public NoticeStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a consumed event's id.
	 * @param eventId the id
	 * @param eventType its type token
	 * @return false if it was recorded before (a redelivery: do nothing)
	 */
	public boolean markProcessed(UUID eventId, String eventType) {
		return this.jdbc.update(
				"INSERT INTO processed_events (event_id, event_type) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING",
				eventId, eventType) == 1;
	}

	/**
	 * Adds a notice unless the same event already made one for the same recipient and
	 * channel.
	 * @param notice the notice
	 * @return whether it was added
	 */
	public boolean insert(NoticeRow notice) {
		return this.jdbc.update(
				"INSERT INTO notices (" + COLUMNS + ") VALUES"
						+ " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
						+ " ON CONFLICT ON CONSTRAINT notices_once_uk DO NOTHING",
				notice.noticeId(), notice.eventId(), notice.eventType(), notice.kind(), notice.urgency(),
				notice.premiseId(), notice.recipient(), notice.channel().token(), notice.address(), notice.language(),
				notice.subject(), notice.body(), notice.status(), notice.attempts(), ts(notice.createdAt()),
				ts(notice.heldUntil()), ts(notice.nextAttemptAt()), ts(notice.sentAt()), ts(notice.deliveredAt()),
				notice.providerMessageId(), notice.lastError()) == 1;
	}

	/**
	 * Claims the notices due now for one sender: their next attempt is pushed to the
	 * lease's end, so another sender (another replica) skips them, and a sender that dies
	 * holding them lets them come due again when the lease ends.
	 * @param now now
	 * @param leaseUntil the lease's end
	 * @param limit the most to claim
	 * @return the claimed notices, oldest due first
	 */
	public List<NoticeRow> claimDue(Instant now, Instant leaseUntil, int limit) {
		return this.jdbc
			.query("UPDATE notices SET next_attempt_at = ? WHERE notice_id IN (SELECT notice_id FROM notices"
					+ " WHERE status = 'PENDING' AND next_attempt_at <= ? AND (held_until IS NULL OR held_until <= ?)"
					+ " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS, NOTICE,
					ts(leaseUntil), ts(now), ts(now), limit);
	}

	/**
	 * Records a successful send.
	 * @param noticeId the notice
	 * @param attempt its number
	 * @param at when
	 * @param providerMessageId the provider's id, or null
	 */
	public void sent(UUID noticeId, int attempt, Instant at, String providerMessageId) {
		this.jdbc.update(
				// A sign-in code is not kept once it is sent: the delivery log shows that
				// it
				// went, not what it was.
				"UPDATE notices SET status = 'SENT', attempts = ?, sent_at = ?, provider_message_id = ?,"
						+ " last_error = NULL, body = CASE WHEN kind = 'sign-in-code'"
						+ " THEN '(a sign-in code, not kept once sent)' ELSE body END"
						+ " WHERE notice_id = ? AND status = 'PENDING'",
				attempt, ts(at), providerMessageId, noticeId);
		log(noticeId, attempt, at, "sent", providerMessageId);
	}

	/**
	 * Records a failed attempt that will be retried.
	 * @param noticeId the notice
	 * @param attempt its number
	 * @param at when
	 * @param next when to try again
	 * @param detail what failed
	 */
	public void retry(UUID noticeId, int attempt, Instant at, Instant next, String detail) {
		this.jdbc.update("UPDATE notices SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE notice_id = ?"
				+ " AND status = 'PENDING'", attempt, ts(next), detail, noticeId);
		log(noticeId, attempt, at, "retry", detail);
	}

	/**
	 * Dead-letters a notice: no more attempts until an operator requeues it.
	 * @param noticeId the notice
	 * @param attempt the last attempt's number
	 * @param at when
	 * @param detail the last failure
	 */
	public void dead(UUID noticeId, int attempt, Instant at, String detail) {
		this.jdbc.update("UPDATE notices SET status = 'DEAD', attempts = ?, last_error = ? WHERE notice_id = ?"
				+ " AND status = 'PENDING'", attempt, detail, noticeId);
		log(noticeId, attempt, at, "dead-letter", detail);
	}

	/**
	 * Applies a provider's delivery receipt to the notice it sent.
	 * @param providerMessageId the provider's message id
	 * @param delivered whether it was delivered
	 * @param at when the receipt came
	 * @param detail the provider's error, or null
	 * @return the notice as it was before, or empty if no sent notice has that id (yet)
	 */
	public Optional<NoticeRow> receipt(String providerMessageId, boolean delivered, Instant at, String detail) {
		Optional<NoticeRow> notice = this.jdbc
			.query("SELECT " + COLUMNS + " FROM notices WHERE provider_message_id = ? FOR UPDATE", NOTICE,
					providerMessageId)
			.stream()
			.findFirst();
		notice.ifPresent((row) -> {
			if (row.status().equals("SENT")) {
				this.jdbc.update("UPDATE notices SET status = ?, delivered_at = ?, last_error = ? WHERE notice_id = ?",
						delivered ? "DELIVERED" : "UNDELIVERED", ts(at), delivered ? null : detail, row.noticeId());
				log(row.noticeId(), row.attempts(), at, delivered ? "delivered" : "undelivered", detail);
			}
		});
		return notice;
	}

	/**
	 * Puts a dead-lettered notice back in the queue.
	 * @param noticeId the notice
	 * @param at when
	 * @param detail who and why
	 * @return whether it was dead and is now pending
	 */
	public boolean requeue(UUID noticeId, Instant at, String detail) {
		int updated = this.jdbc.update("UPDATE notices SET status = 'PENDING', attempts = 0, next_attempt_at = ?,"
				+ " held_until = NULL WHERE notice_id = ? AND status = 'DEAD'", ts(at), noticeId);
		if (updated == 1) {
			log(noticeId, 0, at, "requeued", detail);
		}
		return updated == 1;
	}

	/**
	 * @param noticeId a notice
	 * @return it, if it exists
	 */
	public Optional<NoticeRow> find(UUID noticeId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM notices WHERE notice_id = ?", NOTICE, noticeId)
			.stream()
			.findFirst();
	}

	/**
	 * @param noticeId a notice
	 * @return its delivery log, oldest first
	 */
	public List<AttemptRow> attempts(UUID noticeId) {
		return this.jdbc.query(
				"SELECT attempt, at, outcome, detail FROM delivery_attempts WHERE notice_id = ? ORDER BY attempt_id",
				(rs, n) -> new AttemptRow(rs.getInt("attempt"), instant(rs, "at"), rs.getString("outcome"),
						rs.getString("detail")),
				noticeId);
	}

	/**
	 * Lists notices, newest first.
	 * @param premiseId only this premise's, or null
	 * @param status only in this status, or null
	 * @param kind only of this kind, or null
	 * @param limit the most to list
	 * @return the notices
	 */
	public List<NoticeRow> list(String premiseId, String status, String kind, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notices WHERE true");
		List<Object> args = new ArrayList<>();
		if (premiseId != null) {
			sql.append(" AND premise_id = ?");
			args.add(premiseId);
		}
		if (status != null) {
			sql.append(" AND status = ?");
			args.add(status);
		}
		if (kind != null) {
			sql.append(" AND kind = ?");
			args.add(kind);
		}
		sql.append(" ORDER BY created_at DESC, notice_id LIMIT ?");
		args.add(limit);
		return this.jdbc.query(sql.toString(), NOTICE, args.toArray());
	}

	/**
	 * @return notices not yet sent and not dead (quiet hours and back-off included)
	 */
	public long countPending() {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM notices WHERE status = 'PENDING'", Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * @param now now
	 * @return of those, the ones held back by quiet hours
	 */
	public long countHeld(Instant now) {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM notices WHERE status = 'PENDING' AND held_until > ?", Long.class, ts(now));
		return (count != null) ? count : 0;
	}

	private void log(UUID noticeId, int attempt, Instant at, String outcome, String detail) {
		this.jdbc.update(
				"INSERT INTO delivery_attempts (notice_id, attempt, at, outcome, detail) VALUES (?, ?, ?, ?, ?)",
				noticeId, attempt, ts(at), outcome,
				(detail != null && detail.length() > 1000) ? detail.substring(0, 1000) : detail);
	}

	private static NoticeRow notice(ResultSet rs, int row) throws SQLException {
		return new NoticeRow(rs.getObject("notice_id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getString("event_type"), rs.getString("kind"), rs.getString("urgency"), rs.getString("premise_id"),
				rs.getString("recipient"), ChannelName.ofToken(rs.getString("channel")).orElseThrow(),
				rs.getString("address"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
				rs.getString("status"), rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "held_until"),
				instant(rs, "next_attempt_at"), instant(rs, "sent_at"), instant(rs, "delivered_at"),
				rs.getString("provider_message_id"), rs.getString("last_error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
