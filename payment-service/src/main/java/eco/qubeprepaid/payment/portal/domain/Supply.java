package eco.qubeprepaid.payment.portal.domain;

/** The supply as a tenant sees it. */
public enum Supply {

	/** The power is on and the credit lasts. */
	ON,

	/** The power is on and the credit runs out within {@link DaysLeft#LOW_DAYS} days. */
	LOW,

	/** The power is off. */
	OFF,

	/** Not known yet (no reading of the meter so far). */
	UNKNOWN

}
