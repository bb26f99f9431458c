package eco.qubeprepaid.events;

/**
 * Kafka topic names. Every topic is keyed by the premise's stable identity so that the
 * events of one premise stay in order.
 */
public final class Topics {

	/** Snapshots of the meters, published by poller-service. */
	public static final String DEVICE_SNAPSHOTS = "qube.device-snapshots.v1";

	/** Relay and balance commands for the meters, executed by poller-service. */
	public static final String DEVICE_COMMANDS = "qube.device-commands.v1";

	/** Outcomes of device commands, published by poller-service. */
	public static final String DEVICE_COMMAND_RESULTS = "qube.device-command-results.v1";

	/**
	 * Device registry findings (a device without identity, a meter offline too long),
	 * published by poller-service.
	 */
	public static final String DEVICE_REGISTRY = "qube.device-registry.v1";

	/** Ledger movements and balance alerts, published by balance-service. */
	public static final String BALANCE_EVENTS = "ledger.balance-events.v1";

	/** Captured payments, published by payment-service. */
	public static final String PAYMENTS = "payments.top-ups.v1";

	/**
	 * What payment-service tells about tenants: their moves and contact details
	 * (notifier-service keeps its recipients from them) and their failed payments.
	 */
	public static final String TENANTS = "payments.tenants.v1";

	private Topics() {
	}

}
