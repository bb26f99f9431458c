package eco.qubeprepaid.sandbox.qube.model;

/**
 * Every [SIM-CHOICE] of the simulator in one place: the numbers, limits, error codes,
 * HTTP statuses and detail texts that the recovered Qube documentation does not state.
 * Each constant cites the gap number (G-number) of {@code qube-api/REFERENCE.md} section
 * 9 that motivates it, so a check against the live API can find and change it here alone.
 */
public final class SimChoices {

	/**
	 * G30: device IDs are this prefix followed by {@link #DEVICE_ID_HEX_DIGITS} uppercase
	 * hex digits.
	 */
	public static final String DEVICE_ID_PREFIX = "QUBE-ONE-";

	/** G30: number of uppercase hex digits after the prefix. */
	public static final int DEVICE_ID_HEX_DIGITS = 12;

	/** G3: lowest balance a client may set through P4, in paise. */
	public static final long BALANCE_MIN = 0;

	/** G3: highest balance a client may set through P4, in paise (Rs 1,00,000). */
	public static final long BALANCE_MAX = 10_000_000;

	/** G6: lowest EB or DG tariff a client may set through P5, in paise per kWh. */
	public static final long TARIFF_MIN = 0;

	/** G6: highest EB or DG tariff a client may set through P5, in paise per kWh. */
	public static final long TARIFF_MAX = 100_000;

	/**
	 * G6 and G25: the value of active_tariff while the grid (Electricity Board) supplies.
	 */
	public static final int ACTIVE_TARIFF_EB = 1;

	/** G6 and G25: the value of active_tariff while a diesel generator supplies. */
	public static final int ACTIVE_TARIFF_DG = 2;

	/** G7: shortest accepted WiFi SSID. */
	public static final int SSID_MIN_LENGTH = 1;

	/** G7: longest accepted WiFi SSID. */
	public static final int SSID_MAX_LENGTH = 32;

	/** G7: longest accepted WiFi password (an empty one means an open network). */
	public static final int WIFI_PASSWORD_MAX_LENGTH = 63;

	/** G28: longest accepted name, description, UDF value or tag. */
	public static final int TEXT_MAX_LENGTH = 255;

	/**
	 * G10: the history sample grain; 15-minute samples make 15m, 1h and 1d buckets exact.
	 */
	public static final int SAMPLE_SECONDS = 900;

	/**
	 * G10: longest history range in IST days for the 15m and 1h intervals (both dates
	 * inclusive).
	 */
	public static final int HISTORY_MAX_DAYS = 31;

	/**
	 * G10: longest history range in IST days for the 1d interval (both dates inclusive).
	 */
	public static final int HISTORY_MAX_DAYS_DAILY = 366;

	/** G10: the interval used when the request names none. */
	public static final String HISTORY_DEFAULT_INTERVAL = "1d";

	/**
	 * G10: bucket means of instantaneous properties (power, voltage) are reported with
	 * this many decimals, rounded half-up, the same precision as the live readings.
	 */
	public static final int INSTANTANEOUS_SCALE = 1;

	/**
	 * G14: default number of requests per key in one rolling window (text, because it is
	 * the default of the property {@code sandbox.qube.rate-limit.requests}).
	 */
	public static final String RATE_LIMIT_REQUESTS = "100";

	/**
	 * G14: default length of the rolling window in seconds (property default, as text).
	 */
	public static final String RATE_LIMIT_WINDOW_SECONDS = "60";

	/**
	 * G14: a request is counted when it arrives, and a rejected (429) request is not
	 * counted, so a client that keeps retrying is admitted again once the oldest counted
	 * request expires.
	 */
	public static final boolean RATE_LIMIT_COUNTS_REJECTED = false;

	/** G12: the only header that carries the API key. */
	public static final String API_KEY_HEADER = "X-Qube-API-Key";

	/**
	 * G16 and G29: seconds a device stays offline after a WiFi change (0 = stays online).
	 */
	public static final int WIFI_CHANGE_OFFLINE_SECONDS = 0;

	private SimChoices() {
	}

	/**
	 * G13: every error code the simulator answers, with its HTTP status and detail text.
	 * The first four are documented [DOC]; the rest are our choices.
	 */
	public enum Error {

		/** [DOC] 401, with the documented example detail (G12). */
		AUTHENTICATION_ERROR("authentication_error", 401,
				"Invalid Authorization header. Bearer authorization is required."),

		/** [DOC] 400 for an unknown or foreign device. */
		DEVICE_NOT_FOUND("device_not_found", 400,
				"You are not allowed to access the specified device. Or the specified device does not exist."),

		/** [DOC] 417 for a device that belongs to no space. */
		DEVICE_NOT_IN_SPACE("device_not_in_space", 417, "Device is not associated with any space"),

		/** [DOC] 400 for a foreign space; G13 extends it to an unknown space. */
		NOT_YOUR_SPACE("not_your_space", 400, "The space does not belong to you."),

		/** G13: malformed or out-of-range input. */
		VALIDATION_ERROR("validation_error", 400, "Invalid request."),

		/** G13 and G16: 417, like the documented device preconditions. */
		DEVICE_OFFLINE("device_offline", 417, "The device is offline. Try again when it is online."),

		/** G4 and G5: relay operations on a meter without a relay. */
		RELAY_NOT_AVAILABLE("relay_not_available", 417, "The device has no relay."),

		/** G4: relay ON refused in RELAY_OFF or MEASUREMENT mode. */
		INVALID_STATE("invalid_state", 417, "The operation is not allowed in the device's current mode."),

		/** G4: relay ON refused in PREPAID mode with no balance left. */
		INSUFFICIENT_BALANCE("insufficient_balance", 417,
				"The device has no balance left; set a positive balance first."),

		/** G11 and G13: unknown route, including the other trailing-slash form. */
		NOT_FOUND("not_found", 404, "Not found."),

		/** G13: known route, wrong HTTP method. */
		METHOD_NOT_ALLOWED("method_not_allowed", 405, "Method not allowed."),

		/** G14: over the key's rolling-window budget. */
		RATE_LIMIT_EXCEEDED("rate_limit_exceeded", 429, "Request was throttled."),

		/** G13: a server fault (also injected by the fault simulator). */
		INTERNAL_ERROR("internal_error", 500, "Internal server error.");

		private final String code;

		private final int httpStatus;

		private final String detail;

		Error(String code, int httpStatus, String detail) {
			this.code = code;
			this.httpStatus = httpStatus;
			this.detail = detail;
		}

		public String code() {
			return this.code;
		}

		public int httpStatus() {
			return this.httpStatus;
		}

		public String detail() {
			return this.detail;
		}

	}

}
