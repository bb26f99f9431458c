package eco.qubeprepaid.balance.metering.application;

import eco.qubeprepaid.balance.errors.NotFoundException;

/** No quarantined reading has the id asked for. */
public class QuarantineNotFoundException extends NotFoundException {

	public QuarantineNotFoundException(long id) {
		super("Unknown quarantined reading", "no quarantined reading with id " + id);
	}

}
