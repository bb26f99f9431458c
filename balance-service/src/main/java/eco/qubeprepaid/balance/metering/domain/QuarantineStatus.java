package eco.qubeprepaid.balance.metering.domain;

/** Where a quarantined reading stands. */
public enum QuarantineStatus {

	/** Waiting for an operator; billing continues from the baseline before it. */
	OPEN,
	/** An operator decided; see {@link Resolution}. */
	RESOLVED

}
