package eco.qubeprepaid.balance.errors;

/**
 * A request the current state refuses: the API answers 409, and the message says what to
 * do instead.
 */
public class ConflictException extends ApiProblem {

	public ConflictException(String title, String message) {
		super(title, message);
	}

	public ConflictException(String title, String code, String message) {
		super(title, code, message);
	}

}
