package eco.qubeprepaid.balance.policy.domain;

/**
 * Credit a premise may run into before it is cut off: the supply stays on until the
 * balance falls below minus {@code amountPaise}, but only for {@code days} days after the
 * balance first went negative; after that the cut-off line is zero again.
 *
 * @param amountPaise how far below zero the balance may go
 * @param days for how many days after first going negative
 */
public record EmergencyCredit(long amountPaise, int days) {

	/** No emergency credit: the cut-off line is zero. */
	public static final EmergencyCredit NONE = new EmergencyCredit(0, 0);

	public EmergencyCredit {
		if (amountPaise < 0 || days < 0) {
			throw new IllegalArgumentException("emergency credit amount and days must be zero or more");
		}
		if ((amountPaise == 0) != (days == 0)) {
			throw new IllegalArgumentException(
					"emergency credit needs both an amount and a number of days, or neither");
		}
	}

}
