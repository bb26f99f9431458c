package eco.qubeprepaid.balance.metering.application;

import eco.qubeprepaid.balance.errors.ConflictException;

/**
 * A resolution the state of the row or of the premise's baseline refuses: the reading is
 * resolved already, or a newer reading has moved billing on. Its message says which, and
 * is shown to the operator.
 */
public class QuarantineConflictException extends ConflictException {

	public QuarantineConflictException(String message) {
		super("Resolution refused", message);
	}

}
