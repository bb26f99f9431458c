package eco.qubeprepaid.qube.client;

/**
 * The base of every failure the Qube client reports.
 */
public abstract class QubeClientException extends RuntimeException {

	private final String operation;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed, for example {@code E5 get metrics}
	 * @param message the full message
	 * @param cause the cause, may be {@code null}
	 */
	protected QubeClientException(String operation, String message, Throwable cause) {
		super(message, cause);
		this.operation = operation;
	}

	/**
	 * Returns the operation that failed.
	 * @return for example {@code P2 set relay}
	 */
	public String operation() {
		return this.operation;
	}

}
