package eco.qubeprepaid.qube.client.budget;

/**
 * Who is waiting for a slot of the shared rate budget. Declaration order is precedence:
 * device commands overtake queued polls, and polls overtake housekeeping.
 */
public enum Priority {

	/** Device control writes (relay, mode, balance, tariff) and their read-backs. */
	COMMAND,

	/** Live reads that keep balances and relay states current. */
	POLL,

	/** Inventory and metadata work (spaces, UDFs, WiFi) that can always wait. */
	HOUSEKEEPING

}
