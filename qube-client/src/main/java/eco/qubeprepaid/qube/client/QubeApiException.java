package eco.qubeprepaid.qube.client;

/**
 * The server answered with an error envelope: {@code success=false} and
 * {@code error{code, detail}}.
 */
public class QubeApiException extends QubeClientException {

	private final QubeErrorCode code;

	private final String rawCode;

	private final int httpStatus;

	private final String detail;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param target the device or space it was about, for example
	 * {@code device QUBE-ONE-1}
	 * @param rawCode the {@code error.code} as received, may be {@code null}
	 * @param httpStatus the HTTP status
	 * @param detail the {@code error.detail}, may be {@code null}
	 */
	public QubeApiException(String operation, String target, String rawCode, int httpStatus, String detail) {
		super(operation,
				operation + " for " + target + " failed with " + ((rawCode != null) ? rawCode : "no error code")
						+ " (HTTP " + httpStatus + ")" + ((detail != null) ? ": " + detail : ""),
				null);
		this.code = QubeErrorCode.fromWire(rawCode);
		this.rawCode = rawCode;
		this.httpStatus = httpStatus;
		this.detail = detail;
	}

	/**
	 * Returns the typed code.
	 * @return the code, {@link QubeErrorCode#UNKNOWN} for codes this client does not know
	 */
	public QubeErrorCode code() {
		return this.code;
	}

	/**
	 * Returns the code exactly as received.
	 * @return the raw code, may be {@code null}
	 */
	public String rawCode() {
		return this.rawCode;
	}

	/**
	 * Returns the HTTP status.
	 * @return the status
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Returns the server's explanation.
	 * @return the detail, may be {@code null}
	 */
	public String detail() {
		return this.detail;
	}

}
