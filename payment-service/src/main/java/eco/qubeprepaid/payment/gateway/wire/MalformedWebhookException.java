package eco.qubeprepaid.payment.gateway.wire;

/** A webhook body (or fetched entity) that is not of the gateway's shape. */
public class MalformedWebhookException extends RuntimeException {

	/**
	 * @param message what is wrong with it
	 */
	public MalformedWebhookException(String message) {
		super(message);
	}

}
