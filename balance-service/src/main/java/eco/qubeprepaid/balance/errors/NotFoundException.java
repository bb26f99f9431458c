package eco.qubeprepaid.balance.errors;

/** Something a request names does not exist: the API answers 404. */
public class NotFoundException extends ApiProblem {

	public NotFoundException(String title, String message) {
		super(title, message);
	}

}
