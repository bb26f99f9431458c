package eco.qubeprepaid.sandbox.messaging.model;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Every [SIM-CHOICE] of the messaging provider simulator in one place: the numbers,
 * limits, defaults, error codes and texts that the wire contract with notifier-service
 * does not fix. A check against a real provider changes them here alone.
 */
public final class MessagingChoices {

	/** Times on the wire are Indian Standard Time, as Indian CPaaS providers answer. */
	public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	/**
	 * ISO-8601 with milliseconds and the +05:30 offset, always the same width so a
	 * receiver may compare them as text.
	 */
	public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx")
		.withZone(IST);

	/** Prefix of message ids. */
	public static final String MESSAGE_PREFIX = "msg_";

	/** Number of random alphanumerics after the prefix. */
	public static final int ID_RANDOM_LENGTH = 14;

	/** The alphabet of the random part of an id. */
	public static final String ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	/**
	 * E.164: a plus, then 8 to 15 digits, the first not 0 (no country code starts with
	 * 0). No spaces, dashes or brackets: providers want the canonical form.
	 */
	public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

	/**
	 * Longest message body in characters (Unicode code points, so an emoji counts once):
	 * ten 160-character SMS segments, the usual concatenation limit.
	 */
	public static final int BODY_MAX_LENGTH = 1600;

	/** Longest clientReference in characters (code points). */
	public static final int CLIENT_REFERENCE_MAX_LENGTH = 128;

	/**
	 * Longest accepted receipt delay: an hour is already far beyond any real provider.
	 */
	public static final long RECEIPT_DELAY_MAX_MS = 3_600_000;

	/** The receipt signature header. */
	public static final String SIGNATURE_HEADER = "X-Provider-Signature";

	/** The authentication scheme of the API key. */
	public static final String BEARER = "Bearer ";

	/** Default API key (property text). */
	public static final String DEFAULT_API_KEY = "sandbox-messaging-key";

	/** Default receipt signing secret (property text). */
	public static final String DEFAULT_RECEIPT_SECRET = "sandbox-receipt-secret";

	/** Default delay from acceptance to the delivery receipt (property text). */
	public static final String DEFAULT_RECEIPT_DELAY_MS = "50";

	/** Default receipt attempt timeout (property text). */
	public static final String DEFAULT_RECEIPT_TIMEOUT = "5s";

	/**
	 * Default delay before the first receipt retry; doubles per attempt (property text).
	 */
	public static final String DEFAULT_RECEIPT_RETRY_INITIAL = "500ms";

	/** Default longest delay between two receipt attempts (property text). */
	public static final String DEFAULT_RECEIPT_RETRY_MAX = "30s";

	/** Default most attempts per receipt, the first included (property text). */
	public static final String DEFAULT_RECEIPT_MAX_ATTEMPTS = "8";

	/** Most attempts per receipt a configuration may ask for. */
	public static final int RECEIPT_MAX_ATTEMPTS_LIMIT = 100;

	/** Receipt error of a message the handset never took (the undeliverable fault). */
	public static final String ERROR_UNDELIVERED = "undelivered";

	/** Receipt error of a message to a number on the do-not-disturb list. */
	public static final String ERROR_DND_BLOCKED = "dnd_blocked";

	/** Error code: missing credentials or a wrong key (401). */
	public static final String CODE_UNAUTHORIZED = "unauthorized";

	/** Error code: a malformed body or a field out of its limits (400). */
	public static final String CODE_INVALID_REQUEST = "invalid_request";

	/** Error code: {@code to} is not an E.164 number (400). */
	public static final String CODE_INVALID_NUMBER = "invalid_number";

	/** Error code: a channel other than sms or whatsapp (400). */
	public static final String CODE_UNSUPPORTED_CHANNEL = "unsupported_channel";

	/** Error code: a clientReference reused for a different message (409). */
	public static final String CODE_CONFLICT = "conflict";

	/** Error code: an unknown message id or route (404). */
	public static final String CODE_NOT_FOUND = "not_found";

	/** Error code: the outage fault (503). */
	public static final String CODE_SERVICE_UNAVAILABLE = "service_unavailable";

	/** Error code: the failure fault or an unexpected fault (500). */
	public static final String CODE_INTERNAL_ERROR = "internal_error";

	/** 401 text. */
	public static final String TEXT_UNAUTHORIZED = "Missing or invalid API key; send Authorization: Bearer <api-key>.";

	/** 503 text. */
	public static final String TEXT_OUTAGE = "The messaging service is temporarily unavailable (simulated outage); nothing was sent.";

	/** 500 text of the failure fault. */
	public static final String TEXT_FAILURE = "Internal error (simulated); the message was not accepted.";

	/** 500 text of an unexpected failure. */
	public static final String TEXT_UNEXPECTED = "Internal error; the message was not accepted.";

	/** 404 text of an unknown message ({@code %s} = id). */
	public static final String TEXT_MESSAGE_NOT_FOUND = "No message with id %s.";

	/** 404 text of an unknown route. */
	public static final String TEXT_URL_NOT_FOUND = "No such endpoint.";

	/** 400 text: the body is missing. */
	public static final String TEXT_BODY_REQUIRED = "A JSON body is required.";

	/** 400 text: the body is not JSON. */
	public static final String TEXT_BODY_NOT_JSON = "The body is not valid JSON.";

	/** 400 text: the body is not a JSON object. */
	public static final String TEXT_BODY_NOT_OBJECT = "The body must be a JSON object.";

	/** 400 text: a required field is absent ({@code %s} = field). */
	public static final String TEXT_REQUIRED = "%s is required.";

	/** 400 text: a field is not a string. */
	public static final String TEXT_NOT_STRING = "%s must be a string.";

	/** 400 text: a field is not a boolean. */
	public static final String TEXT_NOT_BOOLEAN = "%s must be true or false.";

	/** 400 text: a field is not a number. */
	public static final String TEXT_NOT_NUMBER = "%s must be a number.";

	/** 400 text: a field is not an integer. */
	public static final String TEXT_NOT_INTEGER = "%s must be an integer.";

	/** 400 text: a field is not an array of strings. */
	public static final String TEXT_NOT_STRING_ARRAY = "%s must be an array of strings.";

	/** 400 text: an unsupported channel ({@code %s} = the value given). */
	public static final String TEXT_CHANNEL = "channel must be \"sms\" or \"whatsapp\", not \"%s\".";

	/** 400 text: a number that is not E.164 ({@code %s} = field, value). */
	public static final String TEXT_NUMBER = "%s must be an E.164 number (+ then 8 to 15 digits, no spaces), not \"%s\".";

	/** 400 text: a body of the wrong length ({@code %d} = its length). */
	public static final String TEXT_BODY_LENGTH = "body must be 1 to " + BODY_MAX_LENGTH + " characters, was %d.";

	/** 400 text: a clientReference of the wrong length ({@code %d} = its length). */
	public static final String TEXT_CLIENT_REFERENCE_LENGTH = "clientReference must be 1 to "
			+ CLIENT_REFERENCE_MAX_LENGTH + " characters, was %d.";

	/** 409 text ({@code %s} = the reference, the first field that differs). */
	public static final String TEXT_CONFLICT = "clientReference \"%s\" was already used for a different message (%s differs).";

	/** 400 text: a ratio outside 0..1 ({@code %s} = field, value). */
	public static final String TEXT_RATIO = "%s must be between 0 and 1, was %s.";

	/** 400 text: a receipt delay out of range ({@code %d} = value). */
	public static final String TEXT_RECEIPT_DELAY = "receiptDelayMs must be between 0 and " + RECEIPT_DELAY_MAX_MS
			+ ", was %d.";

	/** 400 text: a receipt URL that is not absolute http(s) ({@code %s} = value). */
	public static final String TEXT_RECEIPT_URL = "receiptUrl must be an absolute http(s) URL or empty, not \"%s\".";

	/** 400 text: an unknown or read-only admin field ({@code %s} = field). */
	public static final String TEXT_UNKNOWN_FIELD = "Unknown or read-only setting %s.";

	private MessagingChoices() {
	}

}
