package eco.qubeprepaid.balance.errors;

/**
 * A refusal an application service throws with a short title for the API's problem
 * details and a message that says what is wrong; {@code web.ApiErrors} maps each kind to
 * its status, so that neither imports the other's feature.
 */
public abstract class ApiProblem extends RuntimeException {

	private final String title;

	private final String code;

	protected ApiProblem(String title, String message) {
		this(title, null, message);
	}

	/**
	 * @param title the title
	 * @param code a stable machine-readable code for a caller to act on, e.g.
	 * {@code BELOW_FLOOR}, or {@code null}
	 * @param message what is wrong
	 */
	protected ApiProblem(String title, String code, String message) {
		super(message);
		this.title = title;
		this.code = code;
	}

	/**
	 * @return the problem's stable code (the problem detail's {@code code}), or null
	 */
	public String code() {
		return this.code;
	}

	/**
	 * @return the problem's title, e.g. {@code Unknown premise}
	 */
	public String title() {
		return this.title;
	}

}
