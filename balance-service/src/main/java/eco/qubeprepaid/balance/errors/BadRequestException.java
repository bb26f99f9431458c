package eco.qubeprepaid.balance.errors;

/**
 * A request parameter or body that the API refuses; its message is shown to the caller.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
