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

}
