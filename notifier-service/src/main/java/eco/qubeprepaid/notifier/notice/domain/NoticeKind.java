package eco.qubeprepaid.notifier.notice.domain;

/**
 * The kinds of notice, each with its audience and urgency. The token names the templates
 * ({@code notices_<language>.properties}) and tags the metrics.
 */
public enum NoticeKind {

	/** A low-balance rung crossed downwards. */
	LOW_BALANCE("low-balance", Audience.TENANT, Urgency.NORMAL),

	/** The relay was switched off. */
	CUTOFF_DONE("cutoff-done", Audience.TENANT, Urgency.URGENT),

	/** The relay was switched back on. */
	SUPPLY_RESTORED("supply-restored", Audience.TENANT, Urgency.URGENT),

	/** An owed cut-off waits for the end of a friendly window: pay before it. */
	CUTOFF_SCHEDULED("cutoff-scheduled", Audience.TENANT, Urgency.URGENT),

	/** A top-up payment failed at the gateway: no money moved. */
	PAYMENT_FAILED("payment-failed", Audience.TENANT, Urgency.URGENT),

	/** A one-time code to sign in to the tenant portal (asked for by payment-service). */
	SIGN_IN_CODE("sign-in-code", Audience.TENANT, Urgency.URGENT),

	/** A payment reached the wallet. */
	TOP_UP_RECEIVED("top-up-received", Audience.TENANT, Urgency.URGENT),

	/** Money was refunded from the wallet to the tenant's payment. */
	REFUND("refund", Audience.TENANT, Urgency.NORMAL),

	/** A premise that paid is still without power after the deadline. */
	RESTORE_OVERDUE("restore-overdue", Audience.OPERATORS, Urgency.URGENT),

	/** A device command failed for good. */
	COMMAND_FAILED("command-failed", Audience.OPERATORS, Urgency.URGENT),

	/** The meter's balance and the ledger's disagree. */
	DRIFT("drift", Audience.OPERATORS, Urgency.NORMAL),

	/** A meter has been offline longer than the threshold: nothing can be switched. */
	METER_OFFLINE("meter-offline", Audience.OPERATORS, Urgency.NORMAL),

	/** A device without the identity UDF: never polled or billed until it gets one. */
	DEVICE_UNIDENTIFIED("device-unidentified", Audience.OPERATORS, Urgency.NORMAL),

	/** A reading was quarantined for review. */
	QUARANTINE("quarantine", Audience.OPERATORS, Urgency.NORMAL),

	/** A Prometheus alert, through Alertmanager. */
	ALERT("alert", Audience.OPERATORS, Urgency.URGENT);

	private final String token;

	private final Audience audience;

	private final Urgency urgency;

	NoticeKind(String token, Audience audience, Urgency urgency) {
		this.token = token;
		this.audience = audience;
		this.urgency = urgency;
	}

	/**
	 * @return the stable token
	 */
	public String token() {
		return this.token;
	}

	/**
	 * @return who it is for
	 */
	public Audience audience() {
		return this.audience;
	}

	/**
	 * @return whether it may wait for the end of quiet hours
	 */
	public Urgency urgency() {
		return this.urgency;
	}

}
