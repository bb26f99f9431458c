package eco.qubeprepaid.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code Authorization} headers of the platform's development operator accounts
 * ({@code qube-prepaid-service-defaults.yml}), for tests that call a service's operator
 * API.
 */
public final class OperatorAuth {

	/** {@code ops-money}: reads and changes. */
	public static final String MONEY = basic("ops-money", "money-dev-password");

	/** {@code ops-viewer}: reads only. */
	public static final String VIEWER = basic("ops-viewer", "viewer-dev-password");

	/**
	 * {@code svc-payment}: payment-service's account (reads, and
	 * {@code /api/service/**}).
	 */
	public static final String PAYMENT_SERVICE = basic("svc-payment", "payment-dev-service-password");

	/**
	 * {@code svc-alertmanager}: Alertmanager's account at notifier-service's receiver
	 * ({@code /api/service/**} only).
	 */
	public static final String ALERTMANAGER = basic("svc-alertmanager", "alertmanager-dev-service-password");

	private OperatorAuth() {
	}

	/**
	 * @param user an account
	 * @param password its password
	 * @return the HTTP Basic header value
	 */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
