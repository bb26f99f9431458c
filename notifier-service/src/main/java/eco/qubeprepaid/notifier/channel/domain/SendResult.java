package eco.qubeprepaid.notifier.channel.domain;

/**
 * What one send attempt came to.
 *
 * @param status sent, worth retrying, or refused for good
 * @param providerMessageId the provider's id of the message, if it gave one
 * @param detail what went wrong, for the delivery log
 */
public record SendResult(Status status, String providerMessageId, String detail) {

	/**
	 * @param providerMessageId the provider's id, or null
	 * @return a successful send
	 */
	public static SendResult sent(String providerMessageId) {
		return new SendResult(Status.SENT, providerMessageId, null);
	}

	/**
	 * @param detail why, e.g. {@code HTTP 503 from the provider}
	 * @return a transient failure: the notice is tried again later
	 */
	public static SendResult retry(String detail) {
		return new SendResult(Status.RETRY, null, detail);
	}

	/**
	 * @param detail why, e.g. {@code invalid_number: +91123}
	 * @return a failure no retry can mend: the notice is dead-lettered at once
	 */
	public static SendResult refused(String detail) {
		return new SendResult(Status.REFUSED, null, detail);
	}

	/** The outcomes of a send. */
	public enum Status {

		/** Handed over to the channel. */
		SENT,

		/** Failed for now (an outage, a time-out): try again. */
		RETRY,

		/** Refused for good (a bad address): no retry can help. */
		REFUSED

	}

}
