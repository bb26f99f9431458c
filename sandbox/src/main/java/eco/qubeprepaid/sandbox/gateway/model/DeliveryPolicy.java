package eco.qubeprepaid.sandbox.gateway.model;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The webhook faults and the retry schedule: which events are dropped or duplicated, how
 * long a delivery waits before its first attempt, which attempts the injector fails, and
 * the exponential back-off. Draws come from a seeded source (reproducible) or a secure
 * one. Thread-safe.
 */
public final class DeliveryPolicy {

	private final Random random;

	private DeliveryPolicy(Random random) {
		this.random = random;
	}

	/** Seeded when {@code seed} is not null. */
	public static DeliveryPolicy of(Long seed) {
		return new DeliveryPolicy((seed != null) ? new Random(seed) : new SecureRandom());
	}

	/** Whether the drop fault takes a new event (it is then never delivered). */
	public boolean drop(GatewaySettings settings) {
		return draw(settings.dropRatio());
	}

	/** Whether a new event gets an extra delivery of the same body and signature. */
	public boolean duplicate(GatewaySettings settings) {
		return draw(settings.duplicateRatio());
	}

	/** Whether the injector fails an attempt without sending it. */
	public boolean injectFailure(GatewaySettings settings) {
		return draw(settings.failureRatio());
	}

	/**
	 * The wait before a delivery's first attempt: uniform in [min, max] delay, plus with
	 * reorder a further uniform 0 to {@link GatewayChoices#REORDER_WINDOW_MS}.
	 */
	public synchronized long firstDelayMs(GatewaySettings settings) {
		long spread = settings.maxDelayMs() - settings.minDelayMs();
		long delay = settings.minDelayMs() + ((spread > 0) ? nextLong(spread + 1) : 0);
		if (settings.reorder()) {
			delay += nextLong(GatewayChoices.REORDER_WINDOW_MS + 1);
		}
		return delay;
	}

	/**
	 * The wait after the {@code failedAttempts}-th failed attempt (1-based): the initial
	 * delay doubled per earlier failure, never more than the maximum; -1 when no attempt
	 * is left.
	 */
	public static long retryDelayMs(GatewaySettings settings, int failedAttempts) {
		if (failedAttempts >= settings.maxAttempts()) {
			return -1;
		}
		long delay = settings.retryInitialMs();
		for (int i = 1; i < failedAttempts && delay < settings.retryMaxMs(); i++) {
			delay *= 2;
		}
		return Math.min(delay, settings.retryMaxMs());
	}

	private synchronized boolean draw(double ratio) {
		if (ratio <= 0) {
			return false;
		}
		return ratio >= 1 || this.random.nextDouble() < ratio;
	}

	private long nextLong(long bound) {
		return (long) Math.floor(this.random.nextDouble() * bound);
	}

}
