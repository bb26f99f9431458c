package eco.qubeprepaid.payment.refund.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.payment.jooq.tables.records.RefundsRecord;
import eco.qubeprepaid.payment.refund.domain.Refund;
import eco.qubeprepaid.payment.refund.domain.RefundStatus;
import eco.qubeprepaid.payment.refund.domain.RefundablePayment;
import eco.qubeprepaid.service.persistence.DbTime;
import org.jooq.DSLContext;
import org.jooq.Record;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.payment.jooq.Tables.CAPTURED_PAYMENTS;
import static eco.qubeprepaid.payment.jooq.Tables.REFUNDS;

/**
 * Refunds and the refundable amounts of captured payments through jOOQ, in the caller's
 * transaction. A payment's {@code refunded_paise} is kept by a CHECK between zero and its
 * amount, so no two refunds can together take more than was paid.
 */
@Repository
public class RefundStore {

	private final DSLContext db;

	public RefundStore(DSLContext db) {
		this.db = db;
	}

	/**
	 * @param paymentId a payment
	 * @return it, locked until the end of the transaction
	 */
	public Optional<RefundablePayment> lockPayment(String paymentId) {
		return this.db.selectFrom(CAPTURED_PAYMENTS)
			.where(CAPTURED_PAYMENTS.PAYMENT_ID.eq(paymentId))
			.forUpdate()
			.fetchOptional(RefundStore::payment);
	}

	/**
	 * @param premiseId a premise
	 * @param limit the most to return
	 * @return its captured payments, newest first
	 */
	public List<RefundablePayment> paymentsOf(String premiseId, int limit) {
		return this.db.selectFrom(CAPTURED_PAYMENTS)
			.where(CAPTURED_PAYMENTS.PREMISE_ID.eq(premiseId))
			.orderBy(CAPTURED_PAYMENTS.RECORDED_AT.desc())
			.limit(limit)
			.fetch(RefundStore::payment);
	}

	/**
	 * Adds to (or, negative, takes from) what is refunded of a payment.
	 * @param paymentId the payment
	 * @param deltaPaise the change
	 */
	public void addRefunded(String paymentId, long deltaPaise) {
		this.db.update(CAPTURED_PAYMENTS)
			.set(CAPTURED_PAYMENTS.REFUNDED_PAISE, CAPTURED_PAYMENTS.REFUNDED_PAISE.plus(deltaPaise))
			.where(CAPTURED_PAYMENTS.PAYMENT_ID.eq(paymentId))
			.execute();
	}

	public void insert(Refund refund) {
		this.db.insertInto(REFUNDS)
			.set(REFUNDS.REFUND_ID, refund.refundId())
			.set(REFUNDS.REQUEST_KEY, refund.requestKey())
			.set(REFUNDS.PAYMENT_ID, refund.paymentId())
			.set(REFUNDS.PREMISE_ID, refund.premiseId())
			.set(REFUNDS.AMOUNT_PAISE, refund.amountPaise())
			.set(REFUNDS.REASON, refund.reason())
			.set(REFUNDS.REQUESTED_BY, refund.requestedBy())
			.set(REFUNDS.OVERRIDE_FLOOR, refund.overrideFloor())
			.set(REFUNDS.STATUS, refund.status().name())
			.set(REFUNDS.CREATED_AT, DbTime.utc(refund.createdAt()))
			.set(REFUNDS.UPDATED_AT, DbTime.utc(refund.updatedAt()))
			.execute();
	}

	public Optional<Refund> find(UUID refundId) {
		return this.db.selectFrom(REFUNDS).where(REFUNDS.REFUND_ID.eq(refundId)).fetchOptional(RefundStore::refund);
	}

	public Optional<Refund> findByKey(String requestKey) {
		return this.db.selectFrom(REFUNDS).where(REFUNDS.REQUEST_KEY.eq(requestKey)).fetchOptional(RefundStore::refund);
	}

	/**
	 * @param refundId a refund
	 * @return it, locked until the end of the transaction, unless another transaction
	 * holds it (then empty: that one is taking its step)
	 */
	public Optional<Refund> lockUnlessBusy(UUID refundId) {
		return this.db.selectFrom(REFUNDS)
			.where(REFUNDS.REFUND_ID.eq(refundId))
			.forUpdate()
			.skipLocked()
			.fetchOptional(RefundStore::refund);
	}

	/**
	 * @param gatewayRefundId the gateway's refund id
	 * @param refundId our id, as the gateway's receipt, or null
	 * @return the refund, locked
	 */
	public Optional<Refund> lockByGateway(String gatewayRefundId, UUID refundId) {
		return this.db.selectFrom(REFUNDS)
			.where(REFUNDS.GATEWAY_REFUND_ID.eq(gatewayRefundId))
			.or((refundId != null) ? REFUNDS.REFUND_ID.eq(refundId) : org.jooq.impl.DSL.falseCondition())
			.forUpdate()
			.fetchOptional(RefundStore::refund);
	}

	public List<Refund> ofPayment(String paymentId) {
		return this.db.selectFrom(REFUNDS)
			.where(REFUNDS.PAYMENT_ID.eq(paymentId))
			.orderBy(REFUNDS.CREATED_AT)
			.fetch(RefundStore::refund);
	}

	/**
	 * @param before a time
	 * @param limit the most to return
	 * @return refunds with a step left (or, sent, whose outcome has not come) that have
	 * not moved since before then, oldest first
	 */
	public List<UUID> unfinishedBefore(Instant before, int limit) {
		return this.db.select(REFUNDS.REFUND_ID)
			.from(REFUNDS)
			.where(REFUNDS.STATUS.in(RefundStatus.REQUESTED.name(), RefundStatus.DEBITED.name(),
					RefundStatus.SENT.name(), RefundStatus.REVERSING.name()))
			.and(REFUNDS.UPDATED_AT.lt(DbTime.utc(before)))
			.orderBy(REFUNDS.UPDATED_AT)
			.limit(limit)
			.fetch(REFUNDS.REFUND_ID);
	}

	/**
	 * @param before a time
	 * @return how many refunds with a step left have not moved since before then
	 */
	public int unfinishedCount(Instant before) {
		return this.db.fetchCount(REFUNDS,
				REFUNDS.STATUS
					.in(RefundStatus.REQUESTED.name(), RefundStatus.DEBITED.name(), RefundStatus.SENT.name(),
							RefundStatus.REVERSING.name())
					.and(REFUNDS.CREATED_AT.lt(DbTime.utc(before))));
	}

	/**
	 * Moves a refund on, if it is still where the caller found it.
	 * @param refundId the refund
	 * @param from where it was
	 * @param to where it goes
	 * @param gatewayRefundId the gateway's id, or null to keep it
	 * @param balanceAfterPaise the wallet balance after the debit, or null to keep it
	 * @param lastError the failure that moved it, or null
	 * @param processedAt when processed, or null
	 * @param at now
	 * @return whether it moved
	 */
	public boolean move(UUID refundId, RefundStatus from, RefundStatus to, String gatewayRefundId,
			Long balanceAfterPaise, String lastError, Instant processedAt, Instant at) {
		if (!from.canMoveTo(to)) {
			throw new IllegalStateException("a refund does not move from " + from + " to " + to);
		}
		var update = this.db.update(REFUNDS)
			.set(REFUNDS.STATUS, to.name())
			.set(REFUNDS.UPDATED_AT, DbTime.utc(at))
			.set(REFUNDS.LAST_ERROR, lastError);
		if (gatewayRefundId != null) {
			update = update.set(REFUNDS.GATEWAY_REFUND_ID, gatewayRefundId);
		}
		if (balanceAfterPaise != null) {
			update = update.set(REFUNDS.BALANCE_AFTER_PAISE, balanceAfterPaise);
		}
		if (processedAt != null) {
			update = update.set(REFUNDS.PROCESSED_AT, DbTime.utc(processedAt));
		}
		return update.where(REFUNDS.REFUND_ID.eq(refundId)).and(REFUNDS.STATUS.eq(from.name())).execute() == 1;
	}

	/**
	 * Records an attempt that did not move the refund; it stays where it is, to be tried
	 * again.
	 * @param refundId the refund
	 * @param error the failure, or null when the outcome was simply not there yet
	 * @param at now
	 */
	public void failedAttempt(UUID refundId, String error, Instant at) {
		this.db.update(REFUNDS)
			.set(REFUNDS.LAST_ERROR, error)
			.set(REFUNDS.ATTEMPTS, REFUNDS.ATTEMPTS.plus((error != null) ? 1 : 0))
			.set(REFUNDS.UPDATED_AT, DbTime.utc(at))
			.where(REFUNDS.REFUND_ID.eq(refundId))
			.execute();
	}

	private static RefundablePayment payment(Record row) {
		return new RefundablePayment(row.get(CAPTURED_PAYMENTS.PAYMENT_ID), row.get(CAPTURED_PAYMENTS.PREMISE_ID),
				row.get(CAPTURED_PAYMENTS.AMOUNT_PAISE), row.get(CAPTURED_PAYMENTS.REFUNDED_PAISE),
				row.get(CAPTURED_PAYMENTS.METHOD), DbTime.instant(row.get(CAPTURED_PAYMENTS.CAPTURED_AT)),
				(row.get(CAPTURED_PAYMENTS.CREDITED_AT) != null)
						? DbTime.instant(row.get(CAPTURED_PAYMENTS.CREDITED_AT)) : null,
				DbTime.instant(row.get(CAPTURED_PAYMENTS.RECORDED_AT)));
	}

	private static Refund refund(RefundsRecord row) {
		return new Refund(row.getRefundId(), row.getRequestKey(), row.getPaymentId(), row.getPremiseId(),
				row.getAmountPaise(), row.getReason(), row.getRequestedBy(), row.getOverrideFloor(),
				RefundStatus.valueOf(row.getStatus()), row.getGatewayRefundId(), row.getBalanceAfterPaise(),
				row.getLastError(), row.getAttempts(), DbTime.instant(row.getCreatedAt()),
				DbTime.instant(row.getUpdatedAt()),
				(row.getProcessedAt() != null) ? DbTime.instant(row.getProcessedAt()) : null);
	}

}
