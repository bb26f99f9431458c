package eco.qubeprepaid.balance.ledger.application;

/**
 * What applying one snapshot did (the {@code outcome} tag of
 * {@code ledger.snapshots.applied}).
 */
public enum SnapshotOutcome {

	/** An interval was priced (its debit may be zero paise for a sub-paisa interval). */
	BILLED,
	/** The premise's first reading became its baseline. */
	BASELINE,
	/** The snapshot had been applied before. */
	DUPLICATE,
	/** The reading was recorded for review and not billed. */
	QUARANTINED,
	/** Offline, empty, out of order or from an older epoch: nothing changed. */
	STALE

}
