package eco.qubeprepaid.sandbox.qube.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonInclude;
import eco.qubeprepaid.sandbox.qube.model.SimChoices;

/**
 * The Qube response envelope (REFERENCE section 1): {@code success}, {@code data} or
 * {@code error}, an optional {@code message}, and a UTC {@code timestamp} with
 * milliseconds.
 *
 * @param success whether the request succeeded
 * @param data the payload, absent on errors
 * @param error the error, absent on success
 * @param message a human-readable message, on writes
 * @param timestamp when the response was generated (simulated time), e.g.
 * {@code 2025-01-01T12:00:00.000Z}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(boolean success, Object data, ErrorBody error, String message, String timestamp) {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	public static Envelope ok(Object data, Instant now) {
		return new Envelope(true, data, null, null, TIMESTAMP.format(now));
	}

	public static Envelope ok(Object data, String message, Instant now) {
		return new Envelope(true, data, null, message, TIMESTAMP.format(now));
	}

	public static Envelope error(SimChoices.Error error, String detail, Instant now) {
		return new Envelope(false, null, new ErrorBody(error.code(), detail), null, TIMESTAMP.format(now));
	}

	/**
	 * The error object.
	 *
	 * @param code the error code
	 * @param detail the human-readable detail
	 */
	public record ErrorBody(String code, String detail) {
	}

}
