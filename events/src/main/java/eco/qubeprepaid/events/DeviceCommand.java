package eco.qubeprepaid.events;

/** What a {@link DeviceCommandRequested} asks the meter to do. */
public enum DeviceCommand {

	/** Close the relay (restore supply). */
	RELAY_ON,
	/** Open the relay (cut supply). */
	RELAY_OFF,
	/**
	 * Set the meter's balance to an absolute value in paise, verified by reading it back.
	 */
	SET_BALANCE

}
