package eco.qubeprepaid.balance.metering.domain;

/** An operator's decision about a quarantined reading. */
public enum Resolution {

	/** A glitch: nothing is billed and the baseline stays where it is. */
	DISMISS,
	/**
	 * A genuine reading: it becomes the premise's baseline, and the energy between the
	 * previous baseline and it is not billed.
	 */
	REBASELINE

}
