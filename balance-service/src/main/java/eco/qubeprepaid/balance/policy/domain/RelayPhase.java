package eco.qubeprepaid.balance.policy.domain;

/** Where a premise stands in its cut-off episode. */
public enum RelayPhase {

	/** Nothing is owed. */
	CLEAR,
	/**
	 * The balance is below the cut-off line and no cut-off has been requested yet (it may
	 * be deferred or scheduled).
	 */
	OWED,
	/** A relay-off was requested in this episode; power returns on restore. */
	CUT,
	/**
	 * An operator switched the relay on in this episode: no automatic cut-off until the
	 * balance is restored and a new episode begins.
	 */
	WAIVED

}
