package eco.qubeprepaid.sandbox.gateway.model;

import java.util.Locale;

/**
 * An order's status; it only moves forward: created → attempted → paid, or created →
 * paid. Further failed attempts keep it attempted.
 */
public enum OrderStatus {

	/** No payment tried yet. */
	CREATED,

	/** At least one payment tried, none captured. */
	ATTEMPTED,

	/** A payment was captured; final. */
	PAID;

	/** The wire name. */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether the order may move from this status to {@code next}. */
	public boolean canMoveTo(OrderStatus next) {
		return switch (this) {
			case CREATED -> next != CREATED;
			case ATTEMPTED -> next != CREATED;
			case PAID -> false;
		};
	}

}
