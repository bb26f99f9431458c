package eco.qubeprepaid.payment.money;

/** Paise written as rupees for people: {@code ₹1,234.50}, Indian digit grouping. */
public final class Rupees {

	private Rupees() {
	}

	/**
	 * @param paise an amount in paise
	 * @return the amount as rupees with two decimals and Indian grouping (lakh, crore)
	 */
	public static String format(long paise) {
		String sign = (paise < 0) ? "-" : "";
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
			grouped.append(',').append(rupees.substring(length - 3));
		}
		return sign + "\u20b9" + grouped + "." + String.format("%02d", abs % 100);
	}

}
