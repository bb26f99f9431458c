package eco.qubeprepaid.notifier.notice.domain;

/** Whether a notice may wait for the end of a tenant's quiet hours. */
public enum Urgency {

	/** Sent at once, whatever the hour: a cut-off, power back, a payment received. */
	URGENT("urgent"),

	/** Held back during quiet hours: a low-balance rung, a refund. */
	NORMAL("normal");

	private final String token;

	Urgency(String token) {
		this.token = token;
	}

	/**
	 * @return the stored token
	 */
	public String token() {
		return this.token;
	}

}
