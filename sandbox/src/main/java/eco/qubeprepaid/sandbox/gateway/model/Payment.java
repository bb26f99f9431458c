package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;
import java.util.Map;

/**
 * A payment, immutable: every change is a new value (see {@link #moveTo}), so an event
 * keeps the state it was made with.
 *
 * @param id {@code pay_...}
 * @param orderId its order
 * @param amount amount in paise (the order's)
 * @param currency always INR
 * @param status its status
 * @param method how it was paid
 * @param vpa the payer's VPA for UPI, else null
 * @param amountRefunded paise refunded (processed or pending)
 * @param fees the gateway's charge, set at capture
 * @param errorDescription why it failed, or null
 * @param notes copied from the order
 * @param createdAt when it was created
 * @param capturedAt when it was captured, or null
 * @param webhooksSuppressed none of its events is ever delivered (admin pay with
 * {@code webhooks:false})
 */
public record Payment(String id, String orderId, long amount, String currency, PaymentStatus status,
		PaymentMethod method, String vpa, long amountRefunded, Fees fees, String errorDescription,
		Map<String, String> notes, Instant createdAt, Instant capturedAt, boolean webhooksSuppressed) {

	/** Whether it is captured (and so stays, even once refunded). */
	public boolean captured() {
		return this.capturedAt != null;
	}

	/** {@code null}, {@code partial} or {@code full}. */
	public String refundStatus() {
		if (this.amountRefunded == 0) {
			return null;
		}
		return (this.amountRefunded == this.amount) ? "full" : "partial";
	}

	/** What may still be refunded in paise. */
	public long refundable() {
		return captured() ? this.amount - this.amountRefunded : 0;
	}

	/**
	 * The payment in the next status; refuses any move that is not forward.
	 * @param next the next status
	 * @param at when
	 * @param errorDescription for FAILED, why
	 * @return the new value
	 */
	Payment moveTo(PaymentStatus next, Instant at, String errorDescription) {
		if (!this.status.canMoveTo(next)) {
			throw new IllegalStateException("payment " + this.id + " cannot move from " + this.status + " to " + next);
		}
		return new Payment(this.id, this.orderId, this.amount, this.currency, next, this.method, this.vpa,
				this.amountRefunded, (next == PaymentStatus.CAPTURED) ? Fees.of(this.amount) : this.fees,
				(next == PaymentStatus.FAILED) ? errorDescription : this.errorDescription, this.notes, this.createdAt,
				(next == PaymentStatus.CAPTURED) ? at : this.capturedAt, this.webhooksSuppressed);
	}

	/** After a refund of {@code amount} paise was accepted. */
	Payment refunded(long refundAmount) {
		if (refundAmount <= 0 || refundAmount > refundable()) {
			throw new IllegalStateException("refund of " + refundAmount + " exceeds " + refundable());
		}
		long total = this.amountRefunded + refundAmount;
		PaymentStatus next = (total == this.amount) ? PaymentStatus.REFUNDED : this.status;
		if (next != this.status && !this.status.canMoveTo(next)) {
			throw new IllegalStateException("payment " + this.id + " cannot move to " + next);
		}
		return new Payment(this.id, this.orderId, this.amount, this.currency, next, this.method, this.vpa, total,
				this.fees, this.errorDescription, this.notes, this.createdAt, this.capturedAt, this.webhooksSuppressed);
	}

}
