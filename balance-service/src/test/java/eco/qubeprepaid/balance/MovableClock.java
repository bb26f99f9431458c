package eco.qubeprepaid.balance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that follows the system clock until a test sets it, and goes back to it on
 * {@link #reset()}. The integration tests share one Spring context, so a test that moves
 * it must reset it.
 */
public final class MovableClock extends Clock {

	private volatile Instant fixed;

	/**
	 * @param instant the instant the clock shows from now on
	 */
	public void set(Instant instant) {
		this.fixed = instant;
	}

	/** Follows the system clock again. */
	public void reset() {
		this.fixed = null;
	}

	@Override
	public Instant instant() {
		Instant at = this.fixed;
		return (at != null) ? at : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

}
