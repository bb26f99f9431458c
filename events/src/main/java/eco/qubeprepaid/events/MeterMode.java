package eco.qubeprepaid.events;

/** A Qube meter's mode, as reported in {@code active_mode} and {@code mode}. */
public enum MeterMode {

	/** The meter deducts from its own balance and opens the relay at zero. */
	PREPAID,
	/** No deduction on the meter; the relay stays as set. */
	POSTPAID,
	/** The meter only measures; no deduction and no automatic cut-off. */
	MEASUREMENT,
	/** The supply is forced off whatever the balance. */
	RELAY_OFF

}
