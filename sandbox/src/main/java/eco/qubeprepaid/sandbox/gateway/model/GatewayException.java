package eco.qubeprepaid.sandbox.gateway.model;

/**
 * A refusal the simulated gateway answers with its error envelope
 * ({@code {"error":{"code","description","source","reason","field"}}}). Thrown before any
 * state changes, so a refused request leaves nothing behind.
 */
public class GatewayException extends RuntimeException {

	private final int httpStatus;

	private final String code;

	private final String source;

	private final String reason;

	private final String field;

	public GatewayException(int httpStatus, String code, String description, String source, String reason,
			String field) {
		super(description);
		this.httpStatus = httpStatus;
		this.code = code;
		this.source = source;
		this.reason = reason;
		this.field = field;
	}

	/** 400 for bad input; {@code field} names the offending field or is null. */
	public static GatewayException badRequest(String field, String description) {
		return new GatewayException(400, GatewayChoices.BAD_REQUEST_ERROR, description, GatewayChoices.SOURCE_BUSINESS,
				GatewayChoices.REASON_INPUT_VALIDATION, field);
	}

	/** 400 for a refused operation with its own reason. */
	public static GatewayException refused(String field, String reason, String description) {
		return new GatewayException(400, GatewayChoices.BAD_REQUEST_ERROR, description, GatewayChoices.SOURCE_BUSINESS,
				reason, field);
	}

	/** 404 for an unknown id. */
	public static GatewayException notFound() {
		return new GatewayException(404, GatewayChoices.BAD_REQUEST_ERROR, GatewayChoices.TEXT_NOT_FOUND,
				GatewayChoices.SOURCE_BUSINESS, GatewayChoices.REASON_NOT_FOUND, null);
	}

	/** 404 for an unknown route. */
	public static GatewayException urlNotFound() {
		return new GatewayException(404, GatewayChoices.BAD_REQUEST_ERROR, GatewayChoices.TEXT_URL_NOT_FOUND,
				GatewayChoices.SOURCE_BUSINESS, GatewayChoices.REASON_URL_NOT_FOUND, null);
	}

	/** 401 for missing or wrong credentials. */
	public static GatewayException authentication() {
		return new GatewayException(401, GatewayChoices.BAD_REQUEST_ERROR, GatewayChoices.TEXT_AUTHENTICATION,
				GatewayChoices.SOURCE_BUSINESS, GatewayChoices.REASON_AUTHENTICATION, null);
	}

	/** 409 for a refund idempotency key whose first request is still in flight. */
	public static GatewayException inFlight() {
		return new GatewayException(409, GatewayChoices.BAD_REQUEST_ERROR, GatewayChoices.TEXT_IDEMPOTENCY_IN_FLIGHT,
				GatewayChoices.SOURCE_BUSINESS, GatewayChoices.REASON_IDEMPOTENCY_IN_FLIGHT, null);
	}

	/** 500 for a server fault. */
	public static GatewayException server() {
		return new GatewayException(500, GatewayChoices.SERVER_ERROR, GatewayChoices.TEXT_SERVER_ERROR,
				GatewayChoices.SOURCE_INTERNAL, GatewayChoices.REASON_SERVER, null);
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	public String code() {
		return this.code;
	}

	public String description() {
		return getMessage();
	}

	public String source() {
		return this.source;
	}

	public String reason() {
		return this.reason;
	}

	public String field() {
		return this.field;
	}

}
