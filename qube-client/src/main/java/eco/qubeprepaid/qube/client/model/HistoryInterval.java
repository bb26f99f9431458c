package eco.qubeprepaid.qube.client.model;

/**
 * The bucket size of a history query (E6). Only {@code 1d} is documented; the others are
 * a simulator choice (see {@code QubePaths}).
 */
public enum HistoryInterval {

	/** Fifteen-minute buckets. */
	FIFTEEN_MINUTES("15m"),

	/** Hourly buckets. */
	ONE_HOUR("1h"),

	/** Daily buckets, each ending at 23:59:59 IST. */
	ONE_DAY("1d");

	private final String wireValue;

	HistoryInterval(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * Returns the query-parameter value.
	 * @return for example {@code 1d}
	 */
	public String wireValue() {
		return this.wireValue;
	}

}
