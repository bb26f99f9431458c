package eco.qubeprepaid.qube.client.budget;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) the caller waits
 * a uniformly random time in {@code [0, min(cap, base * 2^(n-1))]}. Full jitter spreads
 * the retries of many callers instead of letting them collide again at the same instant.
 *
 * @param base the ceiling of the first backoff
 * @param cap the largest backoff ever returned
 * @param maxAttempts the total number of attempts, the first one included
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

	/** Base 1 s, cap 30 s, at most 5 attempts. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5);

	public RetryPolicy {
		Objects.requireNonNull(base, "base");
		Objects.requireNonNull(cap, "cap");
		if (base.isNegative() || cap.compareTo(base) < 0) {
			throw new IllegalArgumentException("need 0 <= base <= cap, got base " + base + " and cap " + cap);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
		}
	}

	/**
	 * Returns the largest backoff that retry {@code retryNumber} may wait.
	 * @param retryNumber 1 for the first retry, 2 for the second, and so on
	 * @return {@code min(cap, base * 2^(retryNumber-1))}
	 */
	public Duration ceiling(int retryNumber) {
		if (retryNumber < 1) {
			throw new IllegalArgumentException("retryNumber starts at 1 but was " + retryNumber);
		}
		// Past 2^30 the product is beyond any sensible cap, so stop doubling before it
		// overflows.
		int doublings = Math.min(retryNumber - 1, 30);
		long ceilingNanos = saturatedShift(this.base.toNanos(), doublings);
		return Duration.ofNanos(Math.min(ceilingNanos, this.cap.toNanos()));
	}

	/**
	 * Draws the backoff before retry {@code retryNumber}.
	 * @param retryNumber 1 for the first retry
	 * @param random the source of jitter
	 * @return a duration in {@code [0, ceiling(retryNumber)]}
	 */
	public Duration backoff(int retryNumber, RandomGenerator random) {
		long ceilingNanos = ceiling(retryNumber).toNanos();
		return Duration.ofNanos((ceilingNanos == 0) ? 0 : random.nextLong(ceilingNanos + 1));
	}

	private static long saturatedShift(long value, int bits) {
		return (value > (Long.MAX_VALUE >> bits)) ? Long.MAX_VALUE : value << bits;
	}

}
