package eco.qubeprepaid.sandbox.gateway.model;

import java.util.Locale;

/** A refund's status; it only moves forward: pending → processed (or failed). */
public enum RefundStatus {

	/** Accepted, not yet processed. */
	PENDING,

	/** Money returned; final. */
	PROCESSED,

	/** Could not be processed; final (the sandbox never fails a refund by itself). */
	FAILED;

	/** The wire name. */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether the refund may move from this status to {@code next}. */
	public boolean canMoveTo(RefundStatus next) {
		return this == PENDING && next != PENDING;
	}

}
