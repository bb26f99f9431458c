package eco.qubeprepaid.poller.schedule.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the scheduler remembers of one meter: when it was last polled, its balance then
 * and the spend rate estimated from successive balances. Mutable, confined to
 * {@link PollScheduler}'s lock.
 */
final class MeterTrack {

	private static final long MILLIS_PER_HOUR = 3_600_000L;

	final String premiseId;

	Instant lastPolledAt;

	Long balancePaise;

	Instant balanceAt;

	/** Paise per hour, 0 when unknown or not falling. */
	long spendPaisePerHour;

	boolean inFlight;

	boolean ready;

	MeterTrack(String premiseId) {
		this.premiseId = premiseId;
	}

	/**
	 * Takes a new balance in. The spend rate is the average of the previous estimate and
	 * the latest fall, so one noisy interval does not swing the order; a rise (a top-up)
	 * keeps the old rate because it says nothing about spending.
	 */
	void observe(Instant at, Long balance) {
		if (balance != null && this.balancePaise != null && this.balanceAt != null && at.isAfter(this.balanceAt)) {
			long fall = this.balancePaise - balance;
			long millis = Duration.between(this.balanceAt, at).toMillis();
			if (fall >= 0 && millis > 0) {
				// Balances are at most 10^8 paise, so the product stays far below
				// Long.MAX_VALUE.
				long latest = Math.multiplyExact(fall, MILLIS_PER_HOUR) / millis;
				this.spendPaisePerHour = (this.spendPaisePerHour == 0) ? latest : (this.spendPaisePerHour + latest) / 2;
			}
		}
		if (balance != null) {
			this.balancePaise = balance;
			this.balanceAt = at;
		}
		this.lastPolledAt = at;
	}

	/**
	 * Predicts when the balance reaches zero.
	 * @return the time left, zero when already empty, {@code null} when unknown or not
	 * falling
	 */
	Duration timeToZero() {
		if (this.balancePaise == null) {
			return null;
		}
		if (this.balancePaise <= 0) {
			return Duration.ZERO;
		}
		if (this.spendPaisePerHour <= 0) {
			return null;
		}
		return Duration.ofMillis(Math.multiplyExact(this.balancePaise, MILLIS_PER_HOUR) / this.spendPaisePerHour);
	}

}
