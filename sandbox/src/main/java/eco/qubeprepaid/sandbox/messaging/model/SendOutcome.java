package eco.qubeprepaid.sandbox.messaging.model;

/**
 * How the provider answered one send, by the tag value of the
 * {@code sandbox.messaging.requests} counter.
 */
public enum SendOutcome {

	/** 202: a new message. */
	ACCEPTED("accepted"),

	/** 200: a repeat of an accepted message (same clientReference and payload). */
	DUPLICATE("duplicate"),

	/** 400, 401 or 409: the caller's fault; nothing recorded. */
	REFUSED("refused"),

	/** 503: the outage fault; nothing recorded. */
	OUTAGE("outage"),

	/** 500: the failure fault (or an unexpected fault); nothing recorded. */
	FAILED("failed");

	private final String wire;

	SendOutcome(String wire) {
		this.wire = wire;
	}

	/** The tag value. */
	public String wire() {
		return this.wire;
	}

}
