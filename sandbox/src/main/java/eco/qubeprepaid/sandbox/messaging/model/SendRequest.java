package eco.qubeprepaid.sandbox.messaging.model;

/**
 * One send as the provider takes it, validated: build it with {@link #of}, which checks
 * the fields in the order channel, to, body, clientReference and refuses the first bad
 * one with its specific code.
 *
 * @param channel sms or whatsapp
 * @param to the recipient, E.164
 * @param body the text, 1 to {@value MessagingChoices#BODY_MAX_LENGTH} characters
 * @param clientReference the caller's idempotency key, 1 to
 * {@value MessagingChoices#CLIENT_REFERENCE_MAX_LENGTH} characters
 */
public record SendRequest(Channel channel, String to, String body, String clientReference) {

	/**
	 * A validated request from the wire's strings (null = absent).
	 * @throws MessagingException 400 {@code invalid_request}, {@code unsupported_channel}
	 * or {@code invalid_number}
	 */
	public static SendRequest of(String channel, String to, String body, String clientReference) {
		Channel parsed = Channel.parse(required("channel", channel));
		if (parsed == null) {
			throw MessagingException.unsupportedChannel(channel);
		}
		if (!isE164(required("to", to))) {
			throw MessagingException.invalidNumber("to", to);
		}
		int bodyLength = required("body", body).codePointCount(0, body.length());
		if (bodyLength < 1 || bodyLength > MessagingChoices.BODY_MAX_LENGTH) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_BODY_LENGTH, bodyLength));
		}
		int referenceLength = required("clientReference", clientReference).codePointCount(0, clientReference.length());
		if (referenceLength < 1 || referenceLength > MessagingChoices.CLIENT_REFERENCE_MAX_LENGTH) {
			throw MessagingException
				.invalid(String.format(MessagingChoices.TEXT_CLIENT_REFERENCE_LENGTH, referenceLength));
		}
		return new SendRequest(parsed, to, body, clientReference);
	}

	/** Whether the text is an E.164 number as the provider accepts it. */
	public static boolean isE164(String text) {
		return text != null && MessagingChoices.E164.matcher(text).matches();
	}

	/**
	 * The first field in which another request for the same clientReference differs from
	 * this one, or null when it is the same message.
	 */
	public String firstDifference(SendRequest other) {
		if (this.channel != other.channel) {
			return "channel";
		}
		if (!this.to.equals(other.to)) {
			return "to";
		}
		if (!this.body.equals(other.body)) {
			return "body";
		}
		return null;
	}

	private static String required(String field, String value) {
		if (value == null) {
			throw MessagingException.invalid(String.format(MessagingChoices.TEXT_REQUIRED, field));
		}
		return value;
	}

}
