package eco.qubeprepaid.payment.refund.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a refund is. It moves forward only: {@code REQUESTED → DEBITED → SENT →
 * PROCESSED}; {@code REQUESTED → REFUSED} (the wallet's floor; nothing taken);
 * {@code DEBITED | SENT → REVERSING → REVERSED} (the gateway refused it for good; the
 * wallet given back).
 */
public enum RefundStatus {

	/** Recorded, its amount reserved on the payment; the wallet not yet debited. */
	REQUESTED,
	/** Taken from the wallet; not yet accepted by the gateway. */
	DEBITED,
	/** Accepted by the gateway, on its way to the payer. */
	SENT,
	/** The money reached the payer. */
	PROCESSED,
	/** Refused before anything moved (e.g. it would take the wallet below its floor). */
	REFUSED,
	/** The gateway refused it for good; the wallet is being given the amount back. */
	REVERSING,
	/** The gateway refused it and the wallet has the amount back. */
	REVERSED;

	/**
	 * @param next a status
	 * @return whether a refund here may move there
	 */
	public boolean canMoveTo(RefundStatus next) {
		Set<RefundStatus> allowed = switch (this) {
			case REQUESTED -> EnumSet.of(DEBITED, REFUSED);
			case DEBITED -> EnumSet.of(SENT, PROCESSED, REVERSING);
			case SENT -> EnumSet.of(PROCESSED, REVERSING);
			case REVERSING -> EnumSet.of(REVERSED);
			case PROCESSED, REFUSED, REVERSED -> EnumSet.noneOf(RefundStatus.class);
		};
		return allowed.contains(next);
	}

	/**
	 * @return whether the worker still has a step to take for it (for {@code SENT}: to
	 * ask the gateway whether it is processed)
	 */
	public boolean unfinished() {
		return this == REQUESTED || this == DEBITED || this == SENT || this == REVERSING;
	}

	/**
	 * @return whether its amount no longer counts against the payment (nothing refunded)
	 */
	public boolean releasesAmount() {
		return this == REFUSED || this == REVERSED;
	}

}
