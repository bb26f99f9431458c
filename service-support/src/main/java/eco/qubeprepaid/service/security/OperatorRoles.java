package eco.qubeprepaid.service.security;

/** The roles of the operator accounts. */
public final class OperatorRoles {

	/** An operator who may read everything and change nothing. */
	public static final String VIEWER = "VIEWER";

	/** An operator who may also act on money, tenancy, tariffs, policies and relays. */
	public static final String MONEY = "MONEY";

	/**
	 * Another service of the platform (e.g. payment-service moving a wallet for a
	 * refund): the only role let into {@code /api/service/**}, which no person's account
	 * carries, so a wallet is never debited for a refund except by the service that sends
	 * the refund to the gateway.
	 */
	public static final String SERVICE = "SERVICE";

	private OperatorRoles() {
	}

}
