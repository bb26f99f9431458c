package eco.qubeprepaid.payment.errors;

/**
 * A request payment-service refuses, with the HTTP status it answers, a short title and a
 * message that says exactly what is wrong. Application services throw it; the web's
 * {@code ApiErrors} turns it into RFC 9457 problem details. Nothing was changed when one
 * is thrown.
 */
public class Refusal extends RuntimeException {

	private final int status;

	private final String title;

	/**
	 * @param status the HTTP status (4xx, or 503 for an unreachable gateway)
	 * @param title the problem's title, e.g. {@code Amount out of range}
	 * @param message what is wrong, specifically
	 */
	public Refusal(int status, String title, String message) {
		super(message);
		this.status = status;
		this.title = title;
	}

	/**
	 * A 400: the request itself is wrong.
	 * @param title the title
	 * @param message the detail
	 * @return the refusal
	 */
	public static Refusal badRequest(String title, String message) {
		return new Refusal(400, title, message);
	}

	/**
	 * A 404: what the request names does not exist (or is not the caller's).
	 * @param title the title
	 * @param message the detail
	 * @return the refusal
	 */
	public static Refusal notFound(String title, String message) {
		return new Refusal(404, title, message);
	}

	/**
	 * @return the HTTP status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

}
