package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;

/**
 * One delivery attempt of a webhook.
 *
 * @param at when it was made
 * @param outcome {@code delivered}, {@code http_<status>}, {@code timeout},
 * {@code connection_refused}, {@code network_error} or {@code injected_failure}
 * @param status the receiver's HTTP status, or null when there was none
 */
public record Attempt(Instant at, String outcome, Integer status) {

	/** Outcome of an attempt answered with a 2xx. */
	public static final String DELIVERED = "delivered";

	/** Outcome of an attempt with no answer within the webhook timeout. */
	public static final String TIMEOUT = "timeout";

	/** Outcome of an attempt whose connection was refused. */
	public static final String CONNECTION_REFUSED = "connection_refused";

	/** Outcome of an attempt that failed on the network in another way. */
	public static final String NETWORK_ERROR = "network_error";

	/** Outcome of an attempt the fault injector did not send. */
	public static final String INJECTED_FAILURE = "injected_failure";

	/** The attempt of an HTTP answer. */
	public static Attempt ofStatus(Instant at, int status) {
		return new Attempt(at, (status >= 200 && status < 300) ? DELIVERED : "http_" + status, status);
	}

	/** An attempt without an HTTP answer. */
	public static Attempt failed(Instant at, String outcome) {
		return new Attempt(at, outcome, null);
	}

	/** Whether it delivered the event. */
	public boolean delivered() {
		return DELIVERED.equals(this.outcome);
	}

}
