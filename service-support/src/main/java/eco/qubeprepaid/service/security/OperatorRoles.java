package eco.qubeprepaid.service.security;

/** The roles of the operator accounts. */
public final class OperatorRoles {

	/** An operator who may read everything and change nothing. */
	public static final String VIEWER = "VIEWER";

	/** An operator who may also act on money, tenancy, tariffs, policies and relays. */
	public static final String MONEY = "MONEY";

	private OperatorRoles() {
	}

}
