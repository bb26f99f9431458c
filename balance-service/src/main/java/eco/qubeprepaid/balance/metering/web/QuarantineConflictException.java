package eco.qubeprepaid.balance.metering.web;

/**
 * A resolution the state of the row or of the premise's baseline refuses: the reading is
 * resolved already, or a newer reading has moved billing on. Its message says which, and
 * is shown to the operator.
 */
public class QuarantineConflictException extends RuntimeException {

	public QuarantineConflictException(String message) {
		super(message);
	}

}
