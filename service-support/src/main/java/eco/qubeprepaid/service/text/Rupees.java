package eco.qubeprepaid.service.text;

/**
 * Paise written as rupees for people: {@code ₹1,23,456.50}, Indian digit grouping, a
 * leading minus for a debt. One way for every service (the portal, refund refusals,
 * notices).
 */
public final class Rupees {

	private Rupees() {
	}

	/**
	 * @param paise an amount in paise
	 * @return the amount as rupees with two decimals, the lakh and crore grouping and a
	 * leading minus for a debt
	 */
	public static String format(long paise) {
		String sign = (paise < 0) ? "-" : "";
		// Math.abs of Long.MIN_VALUE is negative; no balance comes near it.
		long abs = Math.abs(paise);
		String rupees = Long.toString(abs / 100);
		StringBuilder grouped = new StringBuilder();
		int length = rupees.length();
		if (length <= 3) {
			grouped.append(rupees);
		}
		else {
			String head = rupees.substring(0, length - 3);
			for (int i = 0; i < head.length(); i++) {
				if (i > 0 && (head.length() - i) % 2 == 0) {
					grouped.append(',');
				}
				grouped.append(head.charAt(i));
			}
			grouped.append(',').append(rupees, length - 3, length);
		}
		return sign + "\u20b9" + grouped + "." + ((abs % 100 < 10) ? "0" : "") + (abs % 100);
	}

}
