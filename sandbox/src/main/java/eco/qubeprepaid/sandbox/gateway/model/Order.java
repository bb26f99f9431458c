package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;
import java.util.Map;

/**
 * An order, immutable: every change is a new value, so an event keeps the state it was
 * made with.
 *
 * @param id {@code order_...}
 * @param amount amount in paise
 * @param amountPaid paise captured against it
 * @param currency always INR
 * @param receipt the merchant's reference (unique), or null
 * @param status its status
 * @param attempts payments tried
 * @param notes merchant notes (unmodifiable, in the given order)
 * @param createdAt when it was created
 */
public record Order(String id, long amount, long amountPaid, String currency, String receipt, OrderStatus status,
		int attempts, Map<String, String> notes, Instant createdAt) {

	/** What is still due in paise. */
	public long amountDue() {
		return this.amount - this.amountPaid;
	}

	/** After a payment attempt (captured or not). */
	Order attempted(boolean captured) {
		OrderStatus next = captured ? OrderStatus.PAID : OrderStatus.ATTEMPTED;
		if (!this.status.canMoveTo(next)) {
			throw new IllegalStateException("order " + this.id + " cannot move from " + this.status + " to " + next);
		}
		return new Order(this.id, this.amount, captured ? this.amount : this.amountPaid, this.currency, this.receipt,
				next, this.attempts + 1, this.notes, this.createdAt);
	}

}
