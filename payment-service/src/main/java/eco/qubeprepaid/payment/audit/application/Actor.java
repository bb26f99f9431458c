package eco.qubeprepaid.payment.audit.application;

/**
 * Who acts: an operator's account or a tenant's id, and which of the two.
 *
 * @param name the account name or tenant id
 * @param kind {@link AuditTrail#OPERATOR} or {@link AuditTrail#TENANT}
 */
public record Actor(String name, String kind) {

	/**
	 * @param name an operator's account
	 * @return the operator
	 */
	public static Actor operator(String name) {
		return new Actor(name, AuditTrail.OPERATOR);
	}

	/**
	 * @param account the authenticated operator account
	 * @param named the person the request names (e.g. the site engineer who asked), or
	 * null/blank
	 * @return the operator, recorded as e.g. {@code asha (ops-money)}, or the account
	 * alone; the account is never left out
	 */
	public static Actor operator(String account, String named) {
		return operator((named == null || named.isBlank() || named.trim().equals(account)) ? account
				: named.trim() + " (" + account + ")");
	}

}
