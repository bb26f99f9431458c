package eco.qubeprepaid.qube.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import eco.qubeprepaid.qube.client.model.HistoryInterval;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Tariff;

/**
 * Every path of the Qube API v2 and every undocumented choice this client makes about it,
 * in one place. Entries marked [SIM-CHOICE] were not in the recovered documentation
 * (REFERENCE.md section 9); check them against the live API before production, and change
 * only this class.
 *
 * <p>
 * Trailing slashes follow the documentation exactly (REFERENCE G11): spaces and device
 * paths end in a slash, the metrics and history paths do not.
 */
public final class QubePaths {

	/** The API key header, sent on every request. [DOC] */
	public static final String API_KEY_HEADER = "X-Qube-API-Key";

	/** The production host. [DOC] */
	public static final String DEFAULT_BASE_URL = "https://developer.qube.eco";

	/**
	 * How long to pause when a 429 carries no {@code Retry-After}. [SIM-CHOICE] REFERENCE
	 * 5.3.
	 */
	public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

	private static final String API = "/api/v2";

	private QubePaths() {
	}

	/**
	 * E1. [DOC]
	 * @return the path
	 */
	public static String spaces() {
		return API + "/spaces/";
	}

	/**
	 * E2 and E3. [DOC]
	 * @param spaceId the space
	 * @return the path
	 */
	public static String space(long spaceId) {
		return API + "/spaces/" + spaceId + "/";
	}

	/**
	 * E4 [DOC] and P1 [SIM-CHOICE: PUT on the same path updates metadata].
	 * @param deviceId the device, URL-encoded here
	 * @return the path
	 */
	public static String device(String deviceId) {
		return API + "/devices/" + encode(deviceId) + "/";
	}

	/**
	 * E5, without a trailing slash. [DOC]
	 * @param deviceId the device
	 * @return the path
	 */
	public static String metrics(String deviceId) {
		return API + "/devices/" + encode(deviceId) + "/metrics";
	}

	/**
	 * E6, without a trailing slash, with its query. [SEED] for {@code property_id},
	 * {@code from_date}, {@code to_date} and {@code interval=1d}; [SIM-CHOICE] for the
	 * intervals {@code 15m} and {@code 1h}.
	 * @param deviceId the device
	 * @param propertyId the property, for example {@code energy}
	 * @param from the first IST day, inclusive
	 * @param to the last IST day, inclusive
	 * @param interval the bucket size
	 * @return the path and query
	 */
	public static String history(String deviceId, String propertyId, LocalDate from, LocalDate to,
			HistoryInterval interval) {
		return API + "/devices/" + encode(deviceId) + "/metrics/history?property_id=" + encode(propertyId)
				+ "&from_date=" + from + "&to_date=" + to + "&interval=" + interval.wireValue();
	}

	/**
	 * P2 relay, body {@code {"relay_state": bool}}. [SIM-CHOICE] G4.
	 * @param deviceId the device
	 * @return the path
	 */
	public static String relay(String deviceId) {
		return device(deviceId) + "relay/";
	}

	/**
	 * P3 mode, body {@code {"mode": "<lowercase mode>"}}. [SIM-CHOICE] G5.
	 * @param deviceId the device
	 * @return the path
	 */
	public static String mode(String deviceId) {
		return device(deviceId) + "mode/";
	}

	/**
	 * P4 balance, body {@code {"balance": paise}}: an ABSOLUTE set, so a repeat cannot
	 * double-credit. [SIM-CHOICE] G3.
	 * @param deviceId the device
	 * @return the path
	 */
	public static String balance(String deviceId) {
		return device(deviceId) + "balance/";
	}

	/**
	 * P5 tariff, body {@code {"eb_tariff": paise, "dg_tariff": paise}} (either or both).
	 * [SIM-CHOICE] G6.
	 * @param deviceId the device
	 * @return the path
	 */
	public static String tariff(String deviceId) {
		return device(deviceId) + "tariff/";
	}

	/**
	 * P6 WiFi, body {@code {"ssid": ..., "password": ...}}. [SIM-CHOICE] G7.
	 * @param deviceId the device
	 * @return the path
	 */
	public static String wifi(String deviceId) {
		return device(deviceId) + "wifi/";
	}

	/**
	 * The P2 body. [SIM-CHOICE] G4.
	 * @param on {@code true} to close the relay (supply on)
	 * @return the body fields
	 */
	public static Map<String, Object> relayBody(boolean on) {
		return Map.of("relay_state", on);
	}

	/**
	 * The P3 body, lowercase as in {@code active_mode}. [SIM-CHOICE] G5.
	 * @param mode the new mode
	 * @return the body fields
	 */
	public static Map<String, Object> modeBody(Mode mode) {
		return Map.of("mode", mode.wireValue());
	}

	/**
	 * The P4 body: the absolute balance in paise. [SIM-CHOICE] G3.
	 * @param paise the new balance
	 * @return the body fields
	 */
	public static Map<String, Object> balanceBody(long paise) {
		return Map.of("balance", paise);
	}

	/**
	 * The P5 body; a {@code null} tariff is left out and stays unchanged. [SIM-CHOICE]
	 * G6.
	 * @param tariff the new tariffs
	 * @return the body fields
	 */
	public static Map<String, Object> tariffBody(Tariff tariff) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (tariff.ebTariff() != null) {
			body.put("eb_tariff", tariff.ebTariff());
		}
		if (tariff.dgTariff() != null) {
			body.put("dg_tariff", tariff.dgTariff());
		}
		return body;
	}

	/**
	 * The P6 body. [SIM-CHOICE] G7.
	 * @param ssid the network name
	 * @param password the password
	 * @return the body fields
	 */
	public static Map<String, Object> wifiBody(String ssid, String password) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ssid", ssid);
		body.put("password", password);
		return body;
	}

	/**
	 * Encodes one path segment or query value; device IDs are opaque, so a slash or a
	 * space in one must not change the path.
	 * @param value the raw value
	 * @return the percent-encoded value
	 */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
