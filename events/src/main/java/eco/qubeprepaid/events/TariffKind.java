package eco.qubeprepaid.events;

/** Which supply a unit of energy came from, from the meter's {@code active_tariff}. */
public enum TariffKind {

	/** Electricity Board (grid) supply, {@code active_tariff = 1}. */
	EB,
	/** Diesel generator (backup) supply, {@code active_tariff = 2}. */
	DG

}
