package eco.qubeprepaid.sandbox.qube.model;

import java.time.Clock;
import java.time.Instant;

/**
 * The simulation clock: runs at an integer multiple of real time (0 pauses it) and can be
 * advanced by hand. Simulated time never goes backwards.
 */
public final class SimClock {

	private final Clock realClock;

	private long baseRealMillis;

	private long baseSimMillis;

	private long speed;

	public SimClock(Clock realClock, Instant start, long speed) {
		this.realClock = realClock;
		reset(start, speed);
	}

	/** Restarts the simulated time at {@code start} with the given speed. */
	public synchronized void reset(Instant start, long speed) {
		requireSpeed(speed);
		this.baseRealMillis = this.realClock.millis();
		this.baseSimMillis = start.toEpochMilli();
		this.speed = speed;
	}

	/** The simulated time in epoch milliseconds. */
	public synchronized long nowMillis() {
		return this.baseSimMillis + (this.realClock.millis() - this.baseRealMillis) * this.speed;
	}

	public Instant now() {
		return Instant.ofEpochMilli(nowMillis());
	}

	public synchronized long speed() {
		return this.speed;
	}

	/** Changes the speed from now on, keeping the simulated time continuous. */
	public synchronized void setSpeed(long speed) {
		requireSpeed(speed);
		rebase();
		this.speed = speed;
	}

	/** Moves the simulated time forward by the given number of seconds. */
	public synchronized void advance(long seconds) {
		if (seconds < 0) {
			throw new IllegalArgumentException("seconds must not be negative");
		}
		rebase();
		this.baseSimMillis = Math.addExact(this.baseSimMillis, Math.multiplyExact(seconds, 1000L));
	}

	/** The real (wall) clock, used for rate limits and fault durations. */
	public Clock realClock() {
		return this.realClock;
	}

	private void rebase() {
		long real = this.realClock.millis();
		this.baseSimMillis += (real - this.baseRealMillis) * this.speed;
		this.baseRealMillis = real;
	}

	private static void requireSpeed(long speed) {
		if (speed < 0 || speed > 1_000_000) {
			throw new IllegalArgumentException("speed must be between 0 and 1000000");
		}
	}

}
