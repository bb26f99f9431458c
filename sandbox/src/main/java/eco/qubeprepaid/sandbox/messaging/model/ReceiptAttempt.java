package eco.qubeprepaid.sandbox.messaging.model;

import java.time.Instant;

/**
 * One try to POST a receipt to the receipt URL.
 *
 * @param at when it was sent
 * @param outcome {@code delivered}, {@code http_<status>}, {@code timeout},
 * {@code connection_refused} or {@code network_error}
 * @param status the HTTP status answered, or null when none came
 */
public record ReceiptAttempt(Instant at, String outcome, Integer status) {

	/** Outcome of an attempt answered with a 2xx. */
	public static final String DELIVERED = "delivered";

	/** Outcome of an attempt without an answer in time. */
	public static final String TIMEOUT = "timeout";

	/** Outcome of an attempt nobody listened to. */
	public static final String CONNECTION_REFUSED = "connection_refused";

	/** Outcome of any other transport failure. */
	public static final String NETWORK_ERROR = "network_error";

	/** An attempt that got an HTTP answer. */
	public static ReceiptAttempt ofStatus(Instant at, int status) {
		return new ReceiptAttempt(at, (status >= 200 && status < 300) ? DELIVERED : "http_" + status, status);
	}

	/** An attempt without an HTTP answer. */
	public static ReceiptAttempt failed(Instant at, String outcome) {
		return new ReceiptAttempt(at, outcome, null);
	}

	/** Whether the receiver took the receipt. */
	public boolean delivered() {
		return DELIVERED.equals(this.outcome);
	}

}
