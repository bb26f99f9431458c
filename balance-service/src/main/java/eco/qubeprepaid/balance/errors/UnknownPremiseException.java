package eco.qubeprepaid.balance.errors;

/** The premise has no wallet: this service has never seen it. */
public class UnknownPremiseException extends NotFoundException {

	public UnknownPremiseException(String premiseId) {
		super("Unknown premise", "unknown premise '" + premiseId + "': no snapshot or top-up has been recorded for it");
	}

}
