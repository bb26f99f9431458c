package eco.qubeprepaid.balance.errors;

/**
 * A refusal an application service throws with a short title for the API's problem
 * details and a message that says what is wrong; {@code web.ApiErrors} maps each kind to
 * its status, so that neither imports the other's feature.
 */
public abstract class ApiProblem extends RuntimeException {

	private final String title;

	protected ApiProblem(String title, String message) {
		super(message);
		this.title = title;
	}

	/**
	 * @return the problem's title, e.g. {@code Unknown premise}
	 */
	public String title() {
		return this.title;
	}

}
