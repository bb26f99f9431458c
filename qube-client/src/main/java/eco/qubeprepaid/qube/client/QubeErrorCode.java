package eco.qubeprepaid.qube.client;

import java.util.Locale;

/**
 * The {@code error.code} values the client branches on. Qube's HTTP statuses are unusual
 * (400 for an unknown device, 417 for a device without a space), so the code, not the
 * status, decides.
 */
public enum QubeErrorCode {

	/** 401: key missing, malformed, expired or revoked. */
	AUTHENTICATION_ERROR,

	/** 400: the device does not exist or the key may not see it. */
	DEVICE_NOT_FOUND,

	/** 417: the device is not attached to any space. */
	DEVICE_NOT_IN_SPACE,

	/** 400: the space is not on this account. */
	NOT_YOUR_SPACE,

	/** 400: a parameter or body field is invalid. */
	VALIDATION_ERROR,

	/** 417: the operation needs the device online. */
	DEVICE_OFFLINE,

	/** 417: the device has no relay. */
	RELAY_NOT_AVAILABLE,

	/** 417: the device's mode forbids the change. */
	INVALID_STATE,

	/** 417: the prepaid balance is too low for the change. */
	INSUFFICIENT_BALANCE,

	/** 404: no such route. */
	NOT_FOUND,

	/** 405: the route does not take this method. */
	METHOD_NOT_ALLOWED,

	/** 429: the key's rate limit is exhausted. */
	RATE_LIMIT_EXCEEDED,

	/** 500: the server failed. */
	INTERNAL_ERROR,

	/** A code this client does not know, or none; the exception keeps the raw value. */
	UNKNOWN;

	/**
	 * Maps a wire code.
	 * @param code the {@code error.code} value, may be {@code null}
	 * @return the code, {@link #UNKNOWN} if absent or unrecognised
	 */
	public static QubeErrorCode fromWire(String code) {
		if (code == null) {
			return UNKNOWN;
		}
		for (QubeErrorCode candidate : values()) {
			if (candidate != UNKNOWN && candidate.wireValue().equals(code.trim().toLowerCase(Locale.ROOT))) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

	/**
	 * Returns the code as Qube writes it.
	 * @return for example {@code device_not_found}
	 */
	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
