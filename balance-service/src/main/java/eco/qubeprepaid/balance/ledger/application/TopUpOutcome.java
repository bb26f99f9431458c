package eco.qubeprepaid.balance.ledger.application;

/** What applying one captured top-up did. */
public enum TopUpOutcome {

	/** The wallet was credited. */
	CREDITED,
	/** The event, or another event for the same payment, had been applied before. */
	DUPLICATE

}
