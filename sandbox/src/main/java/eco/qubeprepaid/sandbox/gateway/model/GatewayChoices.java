package eco.qubeprepaid.sandbox.gateway.model;

import java.math.RoundingMode;
import java.time.ZoneId;

/**
 * Every [SIM-CHOICE] of the payment gateway simulator in one place: the numbers, limits,
 * defaults, reasons and texts that the wire contract does not fix. A check against the
 * real gateway changes them here alone.
 */
public final class GatewayChoices {

	/** The one currency the simulator accepts (the contract: INR only). */
	public static final String CURRENCY = "INR";

	/** Calendar days of the settlement report are IST days. */
	public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	/** Number of random alphanumerics after an id's prefix ({@code order_}, ...). */
	public static final int ID_RANDOM_LENGTH = 14;

	/** The alphabet of the random part of every id. */
	public static final String ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	/** Prefix of order ids. */
	public static final String ORDER_PREFIX = "order_";

	/** Prefix of payment ids. */
	public static final String PAYMENT_PREFIX = "pay_";

	/** Prefix of refund ids. */
	public static final String REFUND_PREFIX = "rfnd_";

	/** Prefix of webhook event ids. */
	public static final String EVENT_PREFIX = "evt_";

	/** The account id in every webhook body. */
	public static final String ACCOUNT_ID = "acc_sandbox";

	/** Smallest order or refund amount in paise (INR 1.00). */
	public static final long MIN_AMOUNT = 100;

	/**
	 * Largest order amount in paise (INR 5,00,000), so fee arithmetic never overflows.
	 */
	public static final long MAX_AMOUNT = 50_000_000;

	/** Longest order or refund receipt. */
	public static final int RECEIPT_MAX_LENGTH = 40;

	/** Most entries in a notes object. */
	public static final int NOTES_MAX_ENTRIES = 15;

	/** Longest key and longest value of a notes entry. */
	public static final int NOTE_MAX_LENGTH = 256;

	/** Longest X-Refund-Idempotency key. */
	public static final int IDEMPOTENCY_KEY_MAX_LENGTH = 255;

	/** The refund idempotency header. */
	public static final String IDEMPOTENCY_HEADER = "X-Refund-Idempotency";

	/** The webhook signature header. */
	public static final String SIGNATURE_HEADER = "X-Razorpay-Signature";

	/** The webhook event id header. */
	public static final String EVENT_ID_HEADER = "X-Razorpay-Event-Id";

	/** Gateway fee in basis points of the captured amount (2 %). */
	public static final long FEE_BASIS_POINTS = 200;

	/** GST on the gateway fee in percent (18 %). */
	public static final long GST_PERCENT = 18;

	/**
	 * Fee and GST are each rounded to whole paise this way: first the fee, then the GST
	 * on that rounded fee (so 20000 paise pay 400 + 72 = 472).
	 */
	public static final RoundingMode FEE_ROUNDING = RoundingMode.HALF_UP;

	/** Refunds carry no fee (the merchant is debited the refunded amount only). */
	public static final long REFUND_FEE = 0;

	/** The payment method when a pay call names none. */
	public static final String DEFAULT_METHOD = "upi";

	/** The VPA of a UPI payment whose payer typed none. */
	public static final String DEFAULT_VPA = "tenant@upi";

	/** A VPA: a handle, {@code @}, a provider. */
	public static final String VPA_PATTERN = "[A-Za-z0-9._-]{1,256}@[A-Za-z][A-Za-z0-9]{1,63}";

	/** Longest accepted checkout callback_url. */
	public static final int CALLBACK_URL_MAX_LENGTH = 2048;

	/**
	 * With {@code reorder}, each delivery's first attempt is held a further random 0 to
	 * this many milliseconds, so deliveries queued close together go out shuffled.
	 */
	public static final long REORDER_WINDOW_MS = 1000;

	/** Default webhook attempt timeout (property text). */
	public static final String DEFAULT_WEBHOOK_TIMEOUT = "5s";

	/** Default delay before the first retry; doubles per attempt (property text). */
	public static final String DEFAULT_RETRY_INITIAL = "1s";

	/** Default longest delay between two attempts (property text). */
	public static final String DEFAULT_RETRY_MAX = "30s";

	/** Default most attempts per delivery, the first included (property text). */
	public static final String DEFAULT_MAX_ATTEMPTS = "10";

	/** Default number of webhook delivery threads (property text). */
	public static final String DEFAULT_DELIVERY_THREADS = "4";

	/** Default API key id. */
	public static final String DEFAULT_KEY_ID = "rzp_test_sandbox";

	/** Default API key secret (also signs checkout callbacks). */
	public static final String DEFAULT_KEY_SECRET = "sandbox-key-secret";

	/** Default webhook signing secret. */
	public static final String DEFAULT_WEBHOOK_SECRET = "sandbox-webhook-secret";

	/** Default merchant name on the checkout page. */
	public static final String DEFAULT_MERCHANT_NAME = "Qube Prepaid (sandbox)";

	/** Error code of bad input, unknown ids and refused operations. */
	public static final String BAD_REQUEST_ERROR = "BAD_REQUEST_ERROR";

	/** Error code of a server fault. */
	public static final String SERVER_ERROR = "SERVER_ERROR";

	/** Error source of every refusal caused by the caller. */
	public static final String SOURCE_BUSINESS = "business";

	/** Error source of a server fault. */
	public static final String SOURCE_INTERNAL = "internal";

	/** Error reason of bad input. */
	public static final String REASON_INPUT_VALIDATION = "input_validation_failed";

	/** Error reason of an unknown id. */
	public static final String REASON_NOT_FOUND = "id_not_found";

	/** Error reason of missing or wrong credentials. */
	public static final String REASON_AUTHENTICATION = "authentication_failed";

	/** Error reason of a refund idempotency key whose first request is in flight. */
	public static final String REASON_IDEMPOTENCY_IN_FLIGHT = "request_in_progress";

	/** Error reason of an unknown route. */
	public static final String REASON_URL_NOT_FOUND = "url_not_found";

	/** Error reason of a server fault. */
	public static final String REASON_SERVER = "server_error";

	/** Error reason on a failed payment and in the checkout failure redirect. */
	public static final String REASON_PAYMENT_FAILED = "payment_failed";

	/** Error reason in the checkout abandon redirect. */
	public static final String REASON_PAYMENT_CANCELLED = "payment_cancelled";

	/** 401 text. */
	public static final String TEXT_AUTHENTICATION = "The api key provided is invalid";

	/** 404 text for an unknown id. */
	public static final String TEXT_NOT_FOUND = "The id provided does not exist";

	/** 404 text for an unknown route. */
	public static final String TEXT_URL_NOT_FOUND = "The requested URL was not found on the server.";

	/** 500 text. */
	public static final String TEXT_SERVER_ERROR = "We are facing some trouble completing your request at the moment. Please try again shortly.";

	/** Error description on a failed payment. */
	public static final String TEXT_PAYMENT_FAILED = "Payment failed because the payer's bank declined it (simulated).";

	/** Refusal of a second payment on a paid order. */
	public static final String TEXT_ORDER_PAID = "Order has already been paid";

	/** Refusal of a refund on a payment that is not captured. */
	public static final String TEXT_NOT_CAPTURED = "The payment has not been captured, so it cannot be refunded";

	/** Refusal of a refund of a payment that is already refunded in full. */
	public static final String TEXT_FULLY_REFUNDED = "The payment has been fully refunded already";

	/** 409 text for an idempotency key whose first request is still being processed. */
	public static final String TEXT_IDEMPOTENCY_IN_FLIGHT = "A request with this X-Refund-Idempotency key is still being processed; retry later";

	/** 400 text: a required field is absent ({@code %s} = field). */
	public static final String TEXT_REQUIRED = "The %s field is required.";

	/** 400 text: a field is not an integer. */
	public static final String TEXT_NOT_INTEGER = "The %s must be an integer.";

	/** 400 text: a field is not a string. */
	public static final String TEXT_NOT_STRING = "The %s must be a string.";

	/** 400 text: a field is not true or false. */
	public static final String TEXT_NOT_BOOLEAN = "The %s must be true or false.";

	/** 400 text: a field is not a number. */
	public static final String TEXT_NOT_NUMBER = "The %s must be a number.";

	/** 400 text: an amount below {@link #MIN_AMOUNT} (the real gateway's wording). */
	public static final String TEXT_AMOUNT_MIN = "The amount must be atleast INR 1.00";

	/** 400 text: an amount above {@link #MAX_AMOUNT}. */
	public static final String TEXT_AMOUNT_MAX = "The amount may not be greater than 50000000 paise (INR 5,00,000.00)";

	/** 400 text: a refund above what is left ({@code %d} = the rest). */
	public static final String TEXT_REFUND_TOO_LARGE = "The refund amount may not be greater than the %d paise not yet refunded";

	/** 400 text: another currency. */
	public static final String TEXT_CURRENCY = "Currency %s is not supported; the only currency is INR";

	/** 400 text: a receipt of the wrong length. */
	public static final String TEXT_RECEIPT_LENGTH = "The receipt must be 1 to 40 characters long";

	/** 400 text: a receipt already used by another order ({@code %s} = its id). */
	public static final String TEXT_RECEIPT_TAKEN = "The receipt is already used by order %s; receipts are unique per order";

	/** 400 text: notes is not an object of strings. */
	public static final String TEXT_NOTES_SHAPE = "The notes must be an object of string keys and string values";

	/** 400 text: too many notes. */
	public static final String TEXT_NOTES_COUNT = "The notes may have at most 15 entries";

	/** 400 text: a notes key or value too long. */
	public static final String TEXT_NOTES_LENGTH = "Each notes key and value must be 1 to 256 characters long (an empty value is allowed)";

	/** 400 text: an unknown payment method. */
	public static final String TEXT_METHOD = "The method must be one of upi, card, netbanking";

	/** 400 text: a malformed VPA. */
	public static final String TEXT_VPA = "The vpa must look like name@provider";

	/** 400 text: an unknown pay outcome. */
	public static final String TEXT_OUTCOME = "The outcome must be success or failure";

	/** 400 text: the body is absent. */
	public static final String TEXT_BODY_REQUIRED = "The request body is required and must be a JSON object";

	/** 400 text: the body is not JSON. */
	public static final String TEXT_BODY_NOT_JSON = "The request body is not valid JSON";

	/** 400 text: the body is JSON but not an object. */
	public static final String TEXT_BODY_NOT_OBJECT = "The request body must be a JSON object";

	/** 400 text: a field the admin API does not know or does not let change. */
	public static final String TEXT_UNKNOWN_FIELD = "%s is not a field that can be set here";

	/** 400 text: the idempotency header is missing. */
	public static final String TEXT_IDEMPOTENCY_REQUIRED = "The X-Refund-Idempotency header is required";

	/** 400 text: the idempotency header is too long. */
	public static final String TEXT_IDEMPOTENCY_LENGTH = "The X-Refund-Idempotency header must be 1 to 255 characters long";

	/**
	 * 400 text: an idempotency key reused with another request ({@code %s} = the first
	 * field that differs).
	 */
	public static final String TEXT_IDEMPOTENCY_MISMATCH = "The X-Refund-Idempotency key was already used with a different request: the %s differs";

	/** 400 text: a query parameter that is not a valid date part. */
	public static final String TEXT_DATE = "year, month and day must form a valid date";

	/** Most attempts a delivery may be given through the admin API or properties. */
	public static final int MAX_ATTEMPTS_LIMIT = 1000;

	/** 400 text: an admin ratio outside 0..1 ({@code %s} = field, value). */
	public static final String TEXT_RATIO = "%s must be a number between 0 and 1, was %s";

	/** 400 text: an admin delay below 0 ({@code %s} = field, value). */
	public static final String TEXT_NOT_NEGATIVE = "%s must not be negative, was %s";

	/** 400 text: an admin value that must be above 0 ({@code %s} = field, value). */
	public static final String TEXT_POSITIVE = "%s must be positive, was %s";

	/** 400 text: max_attempts out of range. */
	public static final String TEXT_MAX_ATTEMPTS = "max_attempts must be between 1 and 1000";

	/** 400 text: min_delay_ms above max_delay_ms. */
	public static final String TEXT_MIN_OVER_MAX = "min_delay_ms (%d) must not exceed max_delay_ms (%d)";

	/** 400 text: retry_max_ms below retry_initial_ms. */
	public static final String TEXT_RETRY_MAX = "retry_max_ms (%d) must not be below retry_initial_ms (%d)";

	/** 400 text: a webhook URL that is not absolute http(s). */
	public static final String TEXT_WEBHOOK_URL = "webhook_url must be an absolute http or https URL, or empty for none";

	/** 400 text: an empty webhook secret. */
	public static final String TEXT_WEBHOOK_SECRET = "webhook_secret must be a non-empty string";

	/** 400 text: a required header is missing ({@code %s} = header). */
	public static final String TEXT_HEADER_REQUIRED = "The %s header is required";

	/** 400 text: a query or path value of the wrong type ({@code %s} = name). */
	public static final String TEXT_WRONG_TYPE = "The %s has the wrong type";

	/** 400 page text: no callback_url. */
	public static final String TEXT_CALLBACK_REQUIRED = "The callback_url is required";

	/** 400 page text: a callback_url that is not absolute http(s). */
	public static final String TEXT_CALLBACK_INVALID = "The callback_url must be an absolute http or https URL";

	/** 400 page text: an unknown checkout outcome. */
	public static final String TEXT_CHECKOUT_OUTCOME = "The outcome must be success, failure or abandon";

	private GatewayChoices() {
	}

}
