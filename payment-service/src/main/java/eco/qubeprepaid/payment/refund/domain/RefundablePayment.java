package eco.qubeprepaid.payment.refund.domain;

import java.time.Instant;

/**
 * A captured payment and how much of it is refunded or reserved for refunds in flight.
 *
 * @param paymentId the gateway's payment id
 * @param premiseId the premise it was credited to
 * @param amountPaise the amount captured
 * @param refundedPaise refunded, or reserved for a refund in flight
 * @param method how it was paid, or null
 * @param capturedAt when it was captured
 * @param creditedAt when the ledger credited it, or null
 * @param recordedAt when payment-service recorded the capture (its own clock)
 */
public record RefundablePayment(String paymentId, String premiseId, long amountPaise, long refundedPaise, String method,
		Instant capturedAt, Instant creditedAt, Instant recordedAt) {

	/**
	 * @return what can still be refunded
	 */
	public long refundablePaise() {
		return this.amountPaise - this.refundedPaise;
	}

}
