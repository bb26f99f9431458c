package eco.qubeprepaid.balance.ledger.application;

/**
 * A movement refused before anything was written, with what the operator needs to know.
 */
public class WalletMovementException extends RuntimeException {

	private final Reason reason;

	WalletMovementException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * @return why it was refused
	 */
	public Reason reason() {
		return this.reason;
	}

	/** Why a movement was refused. */
	public enum Reason {

		/** The premise has no wallet (its meter was never read, no money ever moved). */
		UNKNOWN_PREMISE,
		/**
		 * The debit would leave the wallet below the floor, and no override was given.
		 */
		BELOW_FLOOR,
		/** The key was used before for another movement. */
		KEY_REUSED,
		/** A reversal of a refund this wallet never had, or of another amount. */
		NO_SUCH_REFUND

	}

}
