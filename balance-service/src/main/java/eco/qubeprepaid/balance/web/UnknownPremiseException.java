package eco.qubeprepaid.balance.web;

/** The premise has no wallet: this service has never seen it. */
public class UnknownPremiseException extends RuntimeException {

	public UnknownPremiseException(String premiseId) {
		super("unknown premise '" + premiseId + "': no snapshot or top-up has been recorded for it");
	}

}
