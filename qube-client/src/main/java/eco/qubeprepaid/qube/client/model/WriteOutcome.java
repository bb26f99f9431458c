package eco.qubeprepaid.qube.client.model;

/**
 * What reading the state back after a control write showed.
 */
public enum WriteOutcome {

	/** The device reports the desired state. */
	VERIFIED,

	/** The device reports a different state after every verification read. */
	MISMATCH,

	/** The state could not be read back (for example the device went offline). */
	UNVERIFIED

}
