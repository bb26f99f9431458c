package eco.qubeprepaid.sandbox.qube.model;

import java.util.SplittableRandom;

/**
 * Injected faults with a seeded random source: added latency, a ratio of 500
 * internal_error answers, a ratio of held ("timed out") requests, and offline flaps.
 * Settings change at runtime.
 */
public final class Faults {

	private final long seed;

	private SplittableRandom random;

	private Settings settings = Settings.NONE;

	public Faults(long seed) {
		this.seed = seed;
		this.random = new SplittableRandom(seed);
	}

	public synchronized Settings settings() {
		return this.settings;
	}

	public synchronized void update(Settings newSettings) {
		this.settings = newSettings;
	}

	/** Clears every fault and restarts the random sequence. */
	public synchronized void reset() {
		this.settings = Settings.NONE;
		this.random = new SplittableRandom(this.seed);
	}

	/** Draws the faults for one public API request. */
	public synchronized Decision draw() {
		Settings s = this.settings;
		long delay = s.latencyMs();
		if (s.timeoutRatio() > 0 && this.random.nextDouble() < s.timeoutRatio()) {
			delay += s.timeoutMs();
		}
		boolean error = s.errorRatio() > 0 && this.random.nextDouble() < s.errorRatio();
		return new Decision(delay, error);
	}

	/** A uniformly drawn index below {@code bound}, from the same seeded source. */
	public synchronized int nextIndex(int bound) {
		return this.random.nextInt(bound);
	}

	/**
	 * Fault settings.
	 *
	 * @param latencyMs added to every public request
	 * @param errorRatio share of requests answered 500 internal_error (0..1)
	 * @param timeoutRatio share of requests held for {@code timeoutMs} (0..1)
	 * @param timeoutMs how long a held request waits
	 * @param offlineFlapRatio share of devices kept offline by flaps at any moment (0..1)
	 * @param offlineFlapMs how long one flap lasts, in real milliseconds
	 */
	public record Settings(long latencyMs, double errorRatio, double timeoutRatio, long timeoutMs,
			double offlineFlapRatio, long offlineFlapMs) {

		/** No faults. */
		public static final Settings NONE = new Settings(0, 0, 0, 0, 0, 30_000);

		public Settings {
			requireRatio("error_ratio", errorRatio);
			requireRatio("timeout_ratio", timeoutRatio);
			requireRatio("offline_flap_ratio", offlineFlapRatio);
			requireMillis("latency_ms", latencyMs);
			requireMillis("timeout_ms", timeoutMs);
			requireMillis("offline_flap_ms", offlineFlapMs);
		}

		private static void requireRatio(String name, double ratio) {
			if (!(ratio >= 0 && ratio <= 1)) {
				throw new IllegalArgumentException(name + " must be between 0 and 1");
			}
		}

		private static void requireMillis(String name, long millis) {
			if (millis < 0 || millis > 600_000) {
				throw new IllegalArgumentException(name + " must be between 0 and 600000");
			}
		}

	}

	/**
	 * The faults of one request.
	 *
	 * @param delayMs how long to hold the request before serving it
	 * @param internalError whether to answer 500 internal_error instead of serving it
	 */
	public record Decision(long delayMs, boolean internalError) {
	}

}
