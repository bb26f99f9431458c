package eco.qubeprepaid.sandbox.messaging.model;

/**
 * A refusal the simulated provider answers with its error envelope
 * ({@code {"error":{"code","message"}}}). Thrown before anything is recorded, so a
 * refused request leaves nothing behind.
 */
public class MessagingException extends RuntimeException {

	private final int httpStatus;

	private final String code;

	private final SendOutcome outcome;

	public MessagingException(int httpStatus, String code, String message, SendOutcome outcome) {
		super(message);
		this.httpStatus = httpStatus;
		this.code = code;
		this.outcome = outcome;
	}

	/** 400 {@code invalid_request}. */
	public static MessagingException invalid(String message) {
		return new MessagingException(400, MessagingChoices.CODE_INVALID_REQUEST, message, SendOutcome.REFUSED);
	}

	/** 400 {@code invalid_number}. */
	public static MessagingException invalidNumber(String field, String value) {
		return new MessagingException(400, MessagingChoices.CODE_INVALID_NUMBER,
				String.format(MessagingChoices.TEXT_NUMBER, field, value), SendOutcome.REFUSED);
	}

	/** 400 {@code unsupported_channel}. */
	public static MessagingException unsupportedChannel(String value) {
		return new MessagingException(400, MessagingChoices.CODE_UNSUPPORTED_CHANNEL,
				String.format(MessagingChoices.TEXT_CHANNEL, value), SendOutcome.REFUSED);
	}

	/** 401 {@code unauthorized}. */
	public static MessagingException unauthorized() {
		return new MessagingException(401, MessagingChoices.CODE_UNAUTHORIZED, MessagingChoices.TEXT_UNAUTHORIZED,
				SendOutcome.REFUSED);
	}

	/** 404 {@code not_found} for an unknown message. */
	public static MessagingException messageNotFound(String id) {
		return new MessagingException(404, MessagingChoices.CODE_NOT_FOUND,
				String.format(MessagingChoices.TEXT_MESSAGE_NOT_FOUND, id), SendOutcome.REFUSED);
	}

	/** 404 {@code not_found} for an unknown route. */
	public static MessagingException urlNotFound() {
		return new MessagingException(404, MessagingChoices.CODE_NOT_FOUND, MessagingChoices.TEXT_URL_NOT_FOUND,
				SendOutcome.REFUSED);
	}

	/** 409 {@code conflict}: the reference is taken by another message. */
	public static MessagingException conflict(String clientReference, String field) {
		return new MessagingException(409, MessagingChoices.CODE_CONFLICT,
				String.format(MessagingChoices.TEXT_CONFLICT, clientReference, field), SendOutcome.REFUSED);
	}

	/** 503 {@code service_unavailable}: the outage fault. */
	public static MessagingException outage() {
		return new MessagingException(503, MessagingChoices.CODE_SERVICE_UNAVAILABLE, MessagingChoices.TEXT_OUTAGE,
				SendOutcome.OUTAGE);
	}

	/** 500 {@code internal_error}: the failure fault. */
	public static MessagingException injectedFailure() {
		return new MessagingException(500, MessagingChoices.CODE_INTERNAL_ERROR, MessagingChoices.TEXT_FAILURE,
				SendOutcome.FAILED);
	}

	/** 500 {@code internal_error}: something unexpected. */
	public static MessagingException unexpected() {
		return new MessagingException(500, MessagingChoices.CODE_INTERNAL_ERROR, MessagingChoices.TEXT_UNEXPECTED,
				SendOutcome.FAILED);
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	public String code() {
		return this.code;
	}

	/** How a refused send is counted. */
	public SendOutcome outcome() {
		return this.outcome;
	}

}
