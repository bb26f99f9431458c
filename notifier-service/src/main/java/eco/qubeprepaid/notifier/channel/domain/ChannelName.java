package eco.qubeprepaid.notifier.channel.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The channels a notice can go through, by their stable token. */
public enum ChannelName {

	/** Email over SMTP. */
	EMAIL("email"),

	/** SMS through the messaging provider. */
	SMS("sms"),

	/** WhatsApp through the messaging provider. */
	WHATSAPP("whatsapp"),

	/** An HMAC-signed JSON webhook to an operator's URL. */
	WEBHOOK("webhook");

	private final String token;

	ChannelName(String token) {
		this.token = token;
	}

	/**
	 * @return the token stored and shown (metrics tag, API)
	 */
	public String token() {
		return this.token;
	}

	/**
	 * @param token a token, any case
	 * @return the channel, or empty for an unknown one
	 */
	public static Optional<ChannelName> ofToken(String token) {
		if (token == null) {
			return Optional.empty();
		}
		String wanted = token.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((channel) -> channel.token.equals(wanted)).findFirst();
	}

}
