package eco.qubeprepaid.poller.schedule.domain;

/**
 * What became of a ledger balance handed to a {@link PollScheduler}.
 */
public enum LedgerUpdate {

	/** Taken in: the premise's prediction now uses it. */
	APPLIED,

	/**
	 * The scheduler does not track the premise (another key's, or not discovered yet).
	 */
	UNKNOWN_PREMISE,

	/** Older than the ledger balance the scheduler already holds for the premise. */
	STALE

}
