package eco.qubeprepaid.payment.portal.domain;

/** Where one step of a top-up's way to the meter stands. */
public enum Step {

	/** Done. */
	DONE,

	/** Not yet. */
	WAITING,

	/** It failed (the payment failed or the order expired). */
	FAILED,

	/** Not needed for this premise (e.g. the meter keeps no balance of its own). */
	NOT_NEEDED

}
