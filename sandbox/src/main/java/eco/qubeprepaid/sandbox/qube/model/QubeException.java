package eco.qubeprepaid.sandbox.qube.model;

/**
 * A refusal the simulated Qube cloud answers with its error envelope. Thrown before any
 * state changes, so a refused request never leaves a partial effect behind.
 */
public class QubeException extends RuntimeException {

	private final SimChoices.Error error;

	public QubeException(SimChoices.Error error) {
		this(error, error.detail());
	}

	public QubeException(SimChoices.Error error, String detail) {
		super(detail);
		this.error = error;
	}

	public SimChoices.Error error() {
		return this.error;
	}

	/** Shorthand for a {@code validation_error} with a specific detail. */
	public static QubeException invalid(String detail) {
		return new QubeException(SimChoices.Error.VALIDATION_ERROR, detail);
	}

}
