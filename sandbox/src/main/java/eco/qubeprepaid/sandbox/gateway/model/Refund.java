package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;
import java.util.Map;

/**
 * A refund, immutable.
 *
 * @param id {@code rfnd_...}
 * @param paymentId the refunded payment
 * @param amount paise
 * @param currency always INR
 * @param notes merchant notes
 * @param receipt the merchant's reference, or null
 * @param status its status
 * @param createdAt when it was accepted
 * @param processedAt when it was processed, or null
 */
public record Refund(String id, String paymentId, long amount, String currency, Map<String, String> notes,
		String receipt, RefundStatus status, Instant createdAt, Instant processedAt) {

	/** The refund once processed; refuses any move that is not forward. */
	Refund processed(Instant at) {
		if (!this.status.canMoveTo(RefundStatus.PROCESSED)) {
			throw new IllegalStateException("refund " + this.id + " cannot move from " + this.status + " to PROCESSED");
		}
		return new Refund(this.id, this.paymentId, this.amount, this.currency, this.notes, this.receipt,
				RefundStatus.PROCESSED, this.createdAt, at);
	}

}
