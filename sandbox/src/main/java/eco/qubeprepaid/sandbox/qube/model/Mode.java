package eco.qubeprepaid.sandbox.qube.model;

import java.util.Locale;

/**
 * The four meter modes. Lowercase in {@code active_mode}, uppercase in the flattened
 * metrics' {@code mode} (REFERENCE 3.4 and G2); writes accept either case.
 */
public enum Mode {

	/**
	 * The meter deducts from its balance and opens the relay when the balance runs out.
	 */
	PREPAID,
	/** No deduction; the relay stays closed; billing comes from history. */
	POSTPAID,
	/**
	 * Measures only: no deduction, no automatic cut-off, relay cannot be switched on by
	 * hand.
	 */
	MEASUREMENT,
	/** The supply is forced off whatever the balance. */
	RELAY_OFF;

	/** The lowercase form used by {@code active_mode}. */
	public String activeMode() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses either case, or returns {@code null} for anything else. */
	public static Mode parse(String text) {
		if (text == null) {
			return null;
		}
		for (Mode mode : values()) {
			if (mode.name().equalsIgnoreCase(text)) {
				return mode;
			}
		}
		return null;
	}

	/** Whether this mode needs a relay (G5). */
	public boolean needsRelay() {
		return this == PREPAID || this == RELAY_OFF;
	}

}
