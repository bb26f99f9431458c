package eco.qubeprepaid.sandbox.gateway.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A payment's status; it only moves forward: created → authorized → captured → refunded
 * (in full), or created/authorized → failed.
 */
public enum PaymentStatus {

	/** The payer started paying. */
	CREATED,

	/** The payer's bank approved. */
	AUTHORIZED,

	/** Captured (the sandbox auto-captures). */
	CAPTURED,

	/** Refunded in full; final. */
	REFUNDED,

	/** Declined; final. */
	FAILED;

	/** The wire name. */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The statuses this one may move to. */
	public Set<PaymentStatus> next() {
		return switch (this) {
			case CREATED -> EnumSet.of(AUTHORIZED, FAILED);
			case AUTHORIZED -> EnumSet.of(CAPTURED, FAILED);
			case CAPTURED -> EnumSet.of(REFUNDED);
			case REFUNDED, FAILED -> EnumSet.noneOf(PaymentStatus.class);
		};
	}

	/** Whether the payment may move from this status to {@code next}. */
	public boolean canMoveTo(PaymentStatus next) {
		return next().contains(next);
	}

}
