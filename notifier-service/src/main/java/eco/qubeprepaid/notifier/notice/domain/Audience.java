package eco.qubeprepaid.notifier.notice.domain;

/** Who a kind of notice is for. */
public enum Audience {

	/** The premise's current tenant, through the channels they chose. */
	TENANT,

	/** The operators, through their webhook and email. */
	OPERATORS

}
