package eco.qubeprepaid.payment.wallet.client;

/** balance-service could not say what a wallet holds just now. */
public class WalletUnavailableException extends RuntimeException {

	/**
	 * @param message why
	 */
	public WalletUnavailableException(String message) {
		super(message);
	}

}
