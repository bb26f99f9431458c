package eco.qubeprepaid.balance.metering.web;

/** No quarantined reading has the id asked for. */
public class QuarantineNotFoundException extends RuntimeException {

	public QuarantineNotFoundException(long id) {
		super("no quarantined reading with id " + id);
	}

}
