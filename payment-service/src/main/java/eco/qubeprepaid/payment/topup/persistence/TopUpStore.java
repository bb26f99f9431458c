package eco.qubeprepaid.payment.topup.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.payment.jooq.tables.records.TopUpsRecord;
import eco.qubeprepaid.payment.topup.domain.Capture;
import eco.qubeprepaid.payment.topup.domain.SettledBy;
import eco.qubeprepaid.payment.topup.domain.TopUp;
import eco.qubeprepaid.payment.topup.domain.TopUpStatus;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.payment.jooq.Tables.CAPTURED_PAYMENTS;
import static eco.qubeprepaid.payment.jooq.Tables.TOP_UPS;
import static eco.qubeprepaid.payment.jooq.Tables.WEBHOOK_EVENTS;

/**
 * The top-ups, their captured payments and the webhook events received, in PostgreSQL.
 */
@Repository
public class TopUpStore {

	private final DSLContext db;

	public TopUpStore(DSLContext db) {
		this.db = db;
	}

	/**
	 * Records a new top-up.
	 * @param topUp the top-up, {@link TopUpStatus#NEW}
	 */
	public void insert(TopUp topUp) {
		this.db.insertInto(TOP_UPS)
			.set(TOP_UPS.TOP_UP_ID, topUp.topUpId())
			.set(TOP_UPS.PREMISE_ID, topUp.premiseId())
			.set(TOP_UPS.AMOUNT_PAISE, topUp.amountPaise())
			.set(TOP_UPS.RECEIPT, topUp.receipt())
			.set(TOP_UPS.STATUS, topUp.status().name())
			.set(TOP_UPS.CREATED_AT, utc(topUp.createdAt()))
			.set(TOP_UPS.UPDATED_AT, utc(topUp.updatedAt()))
			.execute();
	}

	/**
	 * Reads a top-up.
	 * @param topUpId its id
	 * @return it, if it exists
	 */
	public Optional<TopUp> find(UUID topUpId) {
		return this.db.selectFrom(TOP_UPS).where(TOP_UPS.TOP_UP_ID.eq(topUpId)).fetchOptional(TopUpStore::topUp);
	}

	/**
	 * Reads the top-up of an order and locks it until the transaction ends, so that two
	 * events about one order are applied one after the other.
	 * @param orderId the gateway's order id
	 * @return it, if it exists
	 */
	public Optional<TopUp> lockByOrder(String orderId) {
		return this.db.selectFrom(TOP_UPS)
			.where(TOP_UPS.ORDER_ID.eq(orderId))
			.forUpdate()
			.fetchOptional(TopUpStore::topUp);
	}

	/**
	 * Reads the top-ups of a premise, newest first.
	 * @param premiseId the premise
	 * @param limit the most rows
	 * @return them
	 */
	public List<TopUp> ofPremise(String premiseId, int limit) {
		return this.db.selectFrom(TOP_UPS)
			.where(TOP_UPS.PREMISE_ID.eq(premiseId))
			.orderBy(TOP_UPS.CREATED_AT.desc())
			.limit(limit)
			.fetch(TopUpStore::topUp);
	}

	/**
	 * Reads top-ups not settled yet and asked for before a moment, oldest first.
	 * @param before created before this
	 * @param limit the most rows
	 * @return them
	 */
	public List<TopUp> unsettledBefore(Instant before, int limit) {
		return this.db.selectFrom(TOP_UPS)
			.where(TOP_UPS.STATUS.in(TopUpStatus.NEW.name(), TopUpStatus.OPEN.name(), TopUpStatus.FAILED.name()))
			.and(TOP_UPS.CREATED_AT.lt(utc(before)))
			.orderBy(TOP_UPS.CREATED_AT)
			.limit(limit)
			.fetch(TopUpStore::topUp);
	}

	/**
	 * Records the gateway's order of a new top-up and opens it.
	 * @param topUpId the top-up
	 * @param orderId the order
	 * @param at now
	 * @return whether the top-up was still new
	 */
	public boolean open(UUID topUpId, String orderId, Instant at) {
		return this.db.update(TOP_UPS)
			.set(TOP_UPS.ORDER_ID, orderId)
			.set(TOP_UPS.STATUS, TopUpStatus.OPEN.name())
			.set(TOP_UPS.UPDATED_AT, utc(at))
			.where(TOP_UPS.TOP_UP_ID.eq(topUpId))
			.and(TOP_UPS.STATUS.eq(TopUpStatus.NEW.name()))
			.execute() == 1;
	}

	/**
	 * Moves a top-up to a status (the caller checked that the move is forward).
	 * @param topUpId the top-up
	 * @param status the new status
	 * @param error the error to keep, or null to keep the last one
	 * @param capturedAt when captured, or null to keep it
	 * @param at now
	 */
	public void move(UUID topUpId, TopUpStatus status, String error, Instant capturedAt, Instant at) {
		var update = this.db.update(TOP_UPS).set(TOP_UPS.STATUS, status.name()).set(TOP_UPS.UPDATED_AT, utc(at));
		if (error != null) {
			update = update.set(TOP_UPS.LAST_ERROR, error);
		}
		if (capturedAt != null) {
			update = update.set(TOP_UPS.CAPTURED_AT, utc(capturedAt));
		}
		update.where(TOP_UPS.TOP_UP_ID.eq(topUpId)).execute();
	}

	/**
	 * Records a captured payment once.
	 * @param paymentId the gateway's payment id
	 * @param topUp the top-up it pays
	 * @param amountPaise the amount captured
	 * @param method the method, or null
	 * @param capturedAt when the gateway captured it
	 * @param settledBy what reported it
	 * @param creditEvent the id of the {@code TopUpCaptured} event for it
	 * @param at now
	 * @return whether it was new (false: this payment was recorded before)
	 */
	public boolean recordCapture(String paymentId, TopUp topUp, long amountPaise, String method, Instant capturedAt,
			SettledBy settledBy, UUID creditEvent, Instant at) {
		return this.db.insertInto(CAPTURED_PAYMENTS)
			.set(CAPTURED_PAYMENTS.PAYMENT_ID, paymentId)
			.set(CAPTURED_PAYMENTS.TOP_UP_ID, topUp.topUpId())
			.set(CAPTURED_PAYMENTS.PREMISE_ID, topUp.premiseId())
			.set(CAPTURED_PAYMENTS.AMOUNT_PAISE, amountPaise)
			.set(CAPTURED_PAYMENTS.METHOD, method)
			.set(CAPTURED_PAYMENTS.CAPTURED_AT, utc(capturedAt))
			.set(CAPTURED_PAYMENTS.SETTLED_BY, settledBy.name())
			.set(CAPTURED_PAYMENTS.CREDIT_EVENT, creditEvent)
			.set(CAPTURED_PAYMENTS.RECORDED_AT, utc(at))
			.onConflict(CAPTURED_PAYMENTS.PAYMENT_ID)
			.doNothing()
			.execute() == 1;
	}

	/**
	 * Records a webhook event once, before its effect, in the effect's transaction.
	 * @param eventId the gateway's event id
	 * @param type its type
	 * @param orderId the order it is about, or null
	 * @param paymentId the payment it is about, or null
	 * @param at now
	 * @return whether it was new (false: a redelivery)
	 */
	public boolean recordEvent(String eventId, String type, String orderId, String paymentId, Instant at) {
		return this.db.insertInto(WEBHOOK_EVENTS)
			.set(WEBHOOK_EVENTS.EVENT_ID, eventId)
			.set(WEBHOOK_EVENTS.EVENT_TYPE, type)
			.set(WEBHOOK_EVENTS.ORDER_ID, orderId)
			.set(WEBHOOK_EVENTS.PAYMENT_ID, paymentId)
			.set(WEBHOOK_EVENTS.OUTCOME, "RECEIVED")
			.set(WEBHOOK_EVENTS.RECEIVED_AT, utc(at))
			.onConflict(WEBHOOK_EVENTS.EVENT_ID)
			.doNothing()
			.execute() == 1;
	}

	/**
	 * Records what a webhook event did.
	 * @param eventId the event
	 * @param outcome the outcome
	 */
	public void eventOutcome(String eventId, String outcome) {
		this.db.update(WEBHOOK_EVENTS)
			.set(WEBHOOK_EVENTS.OUTCOME, outcome)
			.where(WEBHOOK_EVENTS.EVENT_ID.eq(eventId))
			.execute();
	}

	/**
	 * Records that the ledger credited a captured payment (once; a redelivered
	 * confirmation changes nothing).
	 * @param paymentId the payment
	 * @param balanceAfterPaise the wallet's balance right after the credit
	 * @param at when the ledger credited it
	 * @return whether this confirmation was the first
	 */
	public boolean confirmCredited(String paymentId, long balanceAfterPaise, Instant at) {
		return this.db.update(CAPTURED_PAYMENTS)
			.set(CAPTURED_PAYMENTS.CREDITED_AT, utc(at))
			.set(CAPTURED_PAYMENTS.BALANCE_AFTER_PAISE, balanceAfterPaise)
			.where(CAPTURED_PAYMENTS.PAYMENT_ID.eq(paymentId))
			.and(CAPTURED_PAYMENTS.CREDITED_AT.isNull())
			.execute() == 1;
	}

	/**
	 * Reads the captured payment of a top-up (the first, if a second was ever captured).
	 * @param topUpId the top-up
	 * @return it, once captured
	 */
	public Optional<Capture> captureOf(UUID topUpId) {
		return this.db.selectFrom(CAPTURED_PAYMENTS)
			.where(CAPTURED_PAYMENTS.TOP_UP_ID.eq(topUpId))
			.orderBy(CAPTURED_PAYMENTS.RECORDED_AT)
			.limit(1)
			.fetchOptional((row) -> new Capture(row.getPaymentId(), row.getAmountPaise(), row.getMethod(),
					row.getCapturedAt().toInstant(), row.getSettledBy(), instant(row.getCreditedAt()),
					row.getBalanceAfterPaise()));
	}

	/**
	 * Counts captured payments the ledger has not confirmed, captured before a moment.
	 * @param before recorded before this
	 * @return how many
	 */
	public int uncreditedBefore(Instant before) {
		return this.db.fetchCount(CAPTURED_PAYMENTS,
				CAPTURED_PAYMENTS.CREDITED_AT.isNull().and(CAPTURED_PAYMENTS.RECORDED_AT.lt(utc(before))));
	}

	/**
	 * Reads the payments captured in a time range (by the gateway's capture time).
	 * @param from the first instant, inclusive
	 * @param to the last instant, exclusive
	 * @return payment id → amount
	 */
	public java.util.Map<String, Long> capturedBetween(Instant from, Instant to) {
		return this.db.select(CAPTURED_PAYMENTS.PAYMENT_ID, CAPTURED_PAYMENTS.AMOUNT_PAISE)
			.from(CAPTURED_PAYMENTS)
			.where(CAPTURED_PAYMENTS.CAPTURED_AT.ge(utc(from)))
			.and(CAPTURED_PAYMENTS.CAPTURED_AT.lt(utc(to)))
			.fetchMap(CAPTURED_PAYMENTS.PAYMENT_ID, CAPTURED_PAYMENTS.AMOUNT_PAISE);
	}

	private static TopUp topUp(TopUpsRecord row) {
		return new TopUp(row.getTopUpId(), row.getPremiseId(), row.getAmountPaise(), row.getReceipt(), row.getOrderId(),
				TopUpStatus.valueOf(row.getStatus()), row.getLastError(), instant(row.getCreatedAt()),
				instant(row.getUpdatedAt()), instant(row.getCapturedAt()));
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
