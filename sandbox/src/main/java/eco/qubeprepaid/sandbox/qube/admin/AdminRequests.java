package eco.qubeprepaid.sandbox.qube.admin;

import java.util.List;

/** The JSON bodies of the admin API (snake_case on the wire). */
final class AdminRequests {

	private AdminRequests() {
	}

	static <T> T require(T value, String message) {
		if (value == null) {
			throw new IllegalArgumentException(message);
		}
		return value;
	}

	/**
	 * {@code POST /admin/qube/fleet}.
	 *
	 * @param seed generator seed
	 * @param meters number of meters
	 * @param spaces number of spaces
	 * @param apiKeys keys to deal the spaces to (created when new)
	 * @param mode the mode of every flat's meter instead of the generated one (common
	 * areas stay in MEASUREMENT), or {@code null}
	 * @param balancePaise the balance of every flat's meter instead of the generated one,
	 * or {@code null}
	 */
	record Fleet(Long seed, Integer meters, Integer spaces, List<String> apiKeys, String mode, Long balancePaise) {
	}

	/**
	 * {@code POST /admin/qube/keys}.
	 *
	 * @param apiKey the new key
	 */
	record NewKey(String apiKey) {
	}

	/**
	 * {@code PUT /admin/qube/rate-limit}.
	 *
	 * @param requests requests per window
	 * @param windowSeconds window length in seconds
	 * @param apiKey one key only, or every key without its own limit when absent
	 */
	record RateLimit(Integer requests, Integer windowSeconds, String apiKey) {
	}

	/**
	 * {@code PUT /admin/qube/clock}.
	 *
	 * @param speed simulated seconds per real second
	 */
	record ClockSpeed(Long speed) {
	}

	/**
	 * {@code POST /admin/qube/clock/advance}.
	 *
	 * @param seconds simulated seconds to jump forward
	 */
	record Advance(Long seconds) {
	}

	/**
	 * {@code POST /admin/qube/devices/{id}/online}.
	 *
	 * @param online connected or not
	 */
	record Online(Boolean online) {
	}

	/**
	 * {@code POST /admin/qube/devices/{id}/external-recharge}.
	 *
	 * @param amountPaise the amount added to the meter's balance
	 */
	record Recharge(Long amountPaise) {
	}

	/**
	 * {@code POST .../dg-run}.
	 *
	 * @param running whether the diesel generator supplies
	 */
	record DgRun(Boolean running) {
	}

	/**
	 * {@code POST /admin/qube/devices/{id}/attach}.
	 *
	 * @param spaceId the space to attach to
	 */
	record Attach(Long spaceId) {
	}

	/**
	 * {@code PUT /admin/qube/slashes}.
	 *
	 * @param lenient accept both trailing-slash forms
	 */
	record Slashes(Boolean lenient) {
	}

	/**
	 * {@code PUT /admin/qube/faults}; absent values are 0 (offline_flap_ms: 30000).
	 *
	 * @param latencyMs added latency
	 * @param errorRatio share of 500 internal_error answers
	 * @param timeoutRatio share of held requests
	 * @param timeoutMs how long a held request waits
	 * @param offlineFlapRatio share of devices kept offline by flaps
	 * @param offlineFlapMs length of one flap in real milliseconds
	 */
	record Faults(Long latencyMs, Double errorRatio, Double timeoutRatio, Long timeoutMs, Double offlineFlapRatio,
			Long offlineFlapMs) {
	}

}
