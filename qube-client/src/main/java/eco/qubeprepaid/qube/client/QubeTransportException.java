package eco.qubeprepaid.qube.client;

/**
 * No response arrived: connection failure, timeout or interruption. For a write this
 * means the outcome is unknown unless it was verified by reading back.
 */
public class QubeTransportException extends QubeClientException {

	private final boolean timeout;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param target the device or space it was about
	 * @param timeout whether the request timed out
	 * @param cause the I/O failure
	 */
	public QubeTransportException(String operation, String target, boolean timeout, Throwable cause) {
		super(operation,
				operation + " for " + target + " got no response: " + (timeout ? "timed out" : String.valueOf(cause)),
				cause);
		this.timeout = timeout;
	}

	/**
	 * Returns whether the request timed out.
	 * @return true on a timeout
	 */
	public boolean isTimeout() {
		return this.timeout;
	}

}
