package eco.qubeprepaid.payment.gateway.client;

/**
 * A call to the gateway that did not succeed: {@link #isTransient()} when it could not be
 * reached or answered 429 or 5xx (worth retrying later), otherwise a refusal of the
 * request with the gateway's own description.
 */
public class GatewayException extends RuntimeException {

	private final boolean transientFailure;

	GatewayException(String message, boolean transientFailure, Throwable cause) {
		super(message, cause);
		this.transientFailure = transientFailure;
	}

	/**
	 * @return whether the failure is transient
	 */
	public boolean isTransient() {
		return this.transientFailure;
	}

}
