package eco.qubeprepaid.payment.security;

/**
 * The role of a tenant signed in to the portal (the operators' roles are the platform's,
 * {@code eco.qubeprepaid.service.security.OperatorRoles}).
 */
public final class Roles {

	/** A tenant signed in to the portal. */
	public static final String TENANT = "TENANT";

	private Roles() {
	}

}
