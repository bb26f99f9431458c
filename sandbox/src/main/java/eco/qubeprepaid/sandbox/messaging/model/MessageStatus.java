package eco.qubeprepaid.sandbox.messaging.model;

/**
 * Where a message is: accepted and waiting for its receipt, or settled for good. A
 * message moves once, from queued to delivered or failed.
 */
public enum MessageStatus {

	/** Accepted; the receipt has not come yet. */
	QUEUED("queued"),

	/** The handset took it. */
	DELIVERED("delivered"),

	/** It will never arrive; the error says why. */
	FAILED("failed");

	private final String wire;

	MessageStatus(String wire) {
		this.wire = wire;
	}

	/** The name on the wire. */
	public String wire() {
		return this.wire;
	}

}
