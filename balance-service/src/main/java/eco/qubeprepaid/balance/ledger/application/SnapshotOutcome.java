package eco.qubeprepaid.balance.ledger.application;

/**
 * What applying one snapshot did (the {@code outcome} tag of
 * {@code ledger.snapshots.applied}).
 */
public enum SnapshotOutcome {

	/** An interval was priced (its debit may be zero paise for a sub-paisa interval). */
	BILLED,
	/**
	 * The premise's first reading became its baseline, and its wallet was opened
	 * (onboarding).
	 */
	BASELINE,
	/** The snapshot had been applied before. */
	DUPLICATE,
	/** The reading was recorded for review and not billed. */
	QUARANTINED,
	/**
	 * The reading continues from an unresolved quarantined reading and is held with it,
	 * not billed.
	 */
	HELD,
	/**
	 * Stamped further in the future than the clock skew allows: ignored (the register is
	 * cumulative, so the next good reading bills the interval).
	 */
	FUTURE,
	/** Offline, empty, out of order or from an older epoch: nothing changed. */
	STALE

}
