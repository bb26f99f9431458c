package eco.qubeprepaid.qube.client;

/**
 * The server answered with something that is not a Qube envelope: not JSON, not an
 * object, or a payload of the wrong shape.
 */
public class QubeProtocolException extends QubeClientException {

	private final int httpStatus;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param target the device or space it was about
	 * @param httpStatus the HTTP status
	 * @param problem what is wrong, including a short excerpt of the body
	 * @param cause the parse failure, may be {@code null}
	 */
	public QubeProtocolException(String operation, String target, int httpStatus, String problem, Throwable cause) {
		super(operation,
				operation + " for " + target + " got an unreadable response (HTTP " + httpStatus + "): " + problem,
				cause);
		this.httpStatus = httpStatus;
	}

	/**
	 * Returns the HTTP status.
	 * @return the status
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

}
