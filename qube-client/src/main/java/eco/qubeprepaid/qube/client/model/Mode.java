package eco.qubeprepaid.qube.client.model;

import java.util.Locale;

/**
 * The meter mode. Qube writes it lowercase in {@code active_mode} (spaces, device
 * details) and uppercase in {@code mode} (flattened metrics); both map here
 * case-insensitively.
 */
public enum Mode {

	/** The meter deducts from its balance and cuts the supply at zero. */
	PREPAID,

	/** No deduction; billed afterwards from history. */
	POSTPAID,

	/** Measures only; no deduction and no cut-off. */
	MEASUREMENT,

	/** The supply is forced off whatever the balance. */
	RELAY_OFF,

	/** A value this client does not know, or no value at all. */
	UNKNOWN;

	/**
	 * Maps a wire value in either case.
	 * @param wire the value of {@code active_mode} or {@code mode}, may be {@code null}
	 * @return the mode, {@link #UNKNOWN} if absent or unrecognised
	 */
	public static Mode fromWire(String wire) {
		if (wire == null) {
			return UNKNOWN;
		}
		for (Mode mode : values()) {
			if (mode != UNKNOWN && mode.name().equalsIgnoreCase(wire.trim())) {
				return mode;
			}
		}
		return UNKNOWN;
	}

	/**
	 * Returns the lowercase form that write bodies and {@code active_mode} use.
	 * @return for example {@code "relay_off"}
	 */
	public String wireValue() {
		if (this == UNKNOWN) {
			throw new IllegalStateException("UNKNOWN is not a mode that can be sent");
		}
		return name().toLowerCase(Locale.ROOT);
	}

}
