package eco.qubeprepaid.balance.ledger.domain;

import java.util.Locale;

/**
 * An amount of Indian money in integer paise (1 rupee = 100 paise), as people read it
 * ({@link #toString()}). Never a floating-point number: every ledger amount is exact. The
 * ledger's arithmetic is on the paise themselves ({@code Math.addExact} and
 * {@code subtractExact} where it sums), so this type carries none.
 *
 * @param paise the amount in paise; negative for a debt
 */
public record Money(long paise) {

	/**
	 * Creates an amount.
	 * @param paise the amount in paise
	 * @return the amount
	 */
	public static Money ofPaise(long paise) {
		return new Money(paise);
	}

	/**
	 * Formats for people, e.g. {@code ₹1,234.05} or {@code -₹0.50}, with Indian digit
	 * grouping (lakh and crore).
	 * @return the formatted amount
	 */
	@Override
	public String toString() {
		long abs = Math.abs(this.paise);
		String rupees = groupIndian(Long.toString(abs / 100));
		return String.format(Locale.ROOT, "%s₹%s.%02d", (this.paise < 0) ? "-" : "", rupees, abs % 100);
	}

	private static String groupIndian(String digits) {
		if (digits.length() <= 3) {
			return digits;
		}
		String lastThree = digits.substring(digits.length() - 3);
		StringBuilder head = new StringBuilder(digits.substring(0, digits.length() - 3));
		for (int i = head.length() - 2; i > 0; i -= 2) {
			head.insert(i, ',');
		}
		return head + "," + lastThree;
	}

}
