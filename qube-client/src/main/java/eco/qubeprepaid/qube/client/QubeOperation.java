package eco.qubeprepaid.qube.client;

import eco.qubeprepaid.qube.client.budget.Priority;

/**
 * The Qube API operations, named as in REFERENCE.md, with their HTTP method and the
 * priority they take in the rate budget unless the caller asks for another.
 */
public enum QubeOperation {

	/** E1: list spaces. */
	LIST_SPACES("E1 list spaces", "GET", Priority.HOUSEKEEPING),

	/** E2: get one space. */
	GET_SPACE("E2 get space", "GET", Priority.HOUSEKEEPING),

	/** E3: update space metadata. */
	UPDATE_SPACE("E3 update space", "PUT", Priority.HOUSEKEEPING),

	/** E4: device details. */
	GET_DEVICE("E4 get device", "GET", Priority.POLL),

	/** E5: flattened metrics. */
	GET_METRICS("E5 get metrics", "GET", Priority.POLL),

	/** E6: history. */
	GET_HISTORY("E6 get history", "GET", Priority.POLL),

	/** P1: update device metadata. */
	UPDATE_DEVICE("P1 update device", "PUT", Priority.HOUSEKEEPING),

	/** P2: switch the relay. */
	SET_RELAY("P2 set relay", "PUT", Priority.COMMAND),

	/** P3: change the mode. */
	SET_MODE("P3 set mode", "PUT", Priority.COMMAND),

	/** P4: set the balance (absolute). */
	SET_BALANCE("P4 set balance", "PUT", Priority.COMMAND),

	/** P5: set the tariffs. */
	SET_TARIFF("P5 set tariff", "PUT", Priority.COMMAND),

	/** P6: set the WiFi credentials. */
	SET_WIFI("P6 set wifi", "PUT", Priority.HOUSEKEEPING);

	private final String label;

	private final String method;

	private final Priority defaultPriority;

	QubeOperation(String label, String method, Priority defaultPriority) {
		this.label = label;
		this.method = method;
		this.defaultPriority = defaultPriority;
	}

	/**
	 * Returns the label used in messages, for example {@code E5 get metrics}.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Returns the HTTP method.
	 * @return {@code GET} or {@code PUT}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Returns whether the operation only reads, so that it may be retried freely.
	 * @return true for GET
	 */
	public boolean isRead() {
		return "GET".equals(this.method);
	}

	/**
	 * Returns the budget priority used unless the caller overrides it.
	 * @return the default priority
	 */
	public Priority defaultPriority() {
		return this.defaultPriority;
	}

	/**
	 * Returns the tag value used in metrics, for example {@code get_metrics}.
	 * @return the lowercase name
	 */
	public String tagValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
