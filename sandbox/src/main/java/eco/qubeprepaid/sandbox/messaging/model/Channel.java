package eco.qubeprepaid.sandbox.messaging.model;

/** The channels the simulated provider sends on, by their wire names. */
public enum Channel {

	/** A text message. */
	SMS("sms"),

	/** A WhatsApp message (session text; templates are not simulated). */
	WHATSAPP("whatsapp");

	private final String wire;

	Channel(String wire) {
		this.wire = wire;
	}

	/** The name on the wire. */
	public String wire() {
		return this.wire;
	}

	/** The channel of a wire name (exact, lowercase), or null for any other text. */
	public static Channel parse(String text) {
		for (Channel channel : values()) {
			if (channel.wire.equals(text)) {
				return channel;
			}
		}
		return null;
	}

}
