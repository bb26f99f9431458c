package eco.qubeprepaid.notifier.notice.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failed send is tried again: the first retry after {@code first}, each next one
 * after twice the last, never longer than {@code max}; after {@code maxAttempts} attempts
 * the notice is dead-lettered.
 *
 * @param first the pause after the first failure
 * @param max the longest pause
 * @param maxAttempts the attempts before a dead letter, at least 1
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {

	public Backoff {
		Objects.requireNonNull(first, "first");
		Objects.requireNonNull(max, "max");
		if (first.isNegative() || max.compareTo(first) < 0) {
			throw new IllegalArgumentException("need 0 <= first <= max, got " + first + " and " + max);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
		}
	}

	/**
	 * @param attempts the attempts made so far, all failed (at least 1)
	 * @return whether another may be made
	 */
	public boolean mayRetry(int attempts) {
		return attempts < this.maxAttempts;
	}

	/**
	 * @param attempts the attempts made so far, all failed (at least 1)
	 * @return the pause before the next
	 */
	public Duration pauseAfter(int attempts) {
		Duration pause = this.first;
		for (int i = 1; i < attempts && pause.compareTo(this.max) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return (pause.compareTo(this.max) > 0) ? this.max : pause;
	}

}
