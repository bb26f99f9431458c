package eco.qubeprepaid.payment.topup.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a top-up is in its life. Statuses only move forward: a captured top-up never
 * becomes failed again, whatever order the gateway's events arrive in.
 */
public enum TopUpStatus {

	/** The top-up is recorded; the gateway's order is being created. */
	NEW,

	/** The order exists; the tenant was sent to the checkout. */
	OPEN,

	/** The last payment attempt failed; the order can still be paid. */
	FAILED,

	/** A payment was captured and the credit was handed to the ledger. */
	CAPTURED,

	/** Nothing was captured within the order's life; reconciliation closed it. */
	EXPIRED,

	/** The gateway could not create the order; nobody was charged. */
	ORDER_FAILED;

	private static final Set<TopUpStatus> UNSETTLED = EnumSet.of(NEW, OPEN, FAILED);

	/**
	 * Whether a top-up in this status may move to another. A capture is accepted from any
	 * status but {@code CAPTURED} itself: money the tenant paid is always theirs, even on
	 * an order reconciliation had given up on.
	 * @param next the status asked for
	 * @return whether the move is forward
	 */
	public boolean canMoveTo(TopUpStatus next) {
		return switch (next) {
			case NEW -> false;
			case OPEN -> this == NEW;
			case FAILED -> this == OPEN || this == FAILED;
			case CAPTURED -> this != CAPTURED;
			case EXPIRED, ORDER_FAILED -> UNSETTLED.contains(this);
		};
	}

	/**
	 * @return whether no payment has been captured yet and the top-up can still be paid
	 */
	public boolean isUnsettled() {
		return UNSETTLED.contains(this);
	}

}
