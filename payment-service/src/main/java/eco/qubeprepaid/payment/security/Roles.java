package eco.qubeprepaid.payment.security;

/** The roles of payment-service's users. */
public final class Roles {

	/** An operator who may read everything and change nothing. */
	public static final String VIEWER = "VIEWER";

	/** An operator who may also act on money, tenants and relays. */
	public static final String MONEY = "MONEY";

	/** A tenant signed in to the portal. */
	public static final String TENANT = "TENANT";

	private Roles() {
	}

}
