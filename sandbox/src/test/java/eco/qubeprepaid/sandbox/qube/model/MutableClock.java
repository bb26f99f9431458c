package eco.qubeprepaid.sandbox.qube.model;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A real-time clock the test moves by hand. */
final class MutableClock extends Clock {

	private long millis;

	MutableClock(Instant start) {
		this.millis = start.toEpochMilli();
	}

	void add(long deltaMillis) {
		this.millis += deltaMillis;
	}

	@Override
	public long millis() {
		return this.millis;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(this.millis);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
