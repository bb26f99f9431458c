package eco.qubeprepaid.poller.schedule.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One series of balances of a premise (the meter's own, or the ledger's wallet), with the
 * spend rate learnt from its successive values. Rates are never learnt across two series:
 * a flat meter balance next to a falling ledger balance would read as huge falls and
 * top-ups. Mutable, confined to {@link PollScheduler}'s lock.
 */
final class BalanceSeries {

	private static final long MILLIS_PER_HOUR = 3_600_000L;

	private Long balancePaise;

	private Instant at;

	/** Paise per hour, 0 when unknown or not falling. */
	private long spendPaisePerHour;

	/**
	 * Starts the series from a known value (a premise's last reading at start-up).
	 * @param balancePaise the balance, may be {@code null}
	 * @param at when it was seen, may be {@code null}
	 */
	void start(Long balancePaise, Instant at) {
		this.balancePaise = balancePaise;
		this.at = at;
	}

	/**
	 * Takes a new value in. When it measures spending, the spend rate becomes the average
	 * of the previous estimate and the latest fall, so one noisy interval does not swing
	 * the order; a rise (a top-up) keeps the old rate because it says nothing about
	 * spending, and so does a value that does not measure spending (a step such as a
	 * fixed charge, or an interval with the supply off).
	 * @param balancePaise the balance
	 * @param at when it held
	 * @param measuresSpending whether the change since the previous value was spent on
	 * energy
	 */
	void observe(long balancePaise, Instant at, boolean measuresSpending) {
		if (measuresSpending) {
			learnRate(balancePaise, at);
		}
		this.balancePaise = balancePaise;
		this.at = at;
	}

	/**
	 * Tells whether a value from this time would go back in time.
	 * @param when the value's time
	 * @return true when the series already holds a strictly newer value
	 */
	boolean isNewerThan(Instant when) {
		return this.at != null && this.at.isAfter(when);
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

	private void learnRate(long balance, Instant when) {
		if (this.balancePaise == null || this.at == null || !when.isAfter(this.at)) {
			return;
		}
		long fall = this.balancePaise - balance;
		long millis = Duration.between(this.at, when).toMillis();
		if (fall >= 0 && millis > 0) {
			// Any fall below 2.5 x 10^12 paise (25 billion rupees) keeps the product
			// below Long.MAX_VALUE.
			long latest = Math.multiplyExact(fall, MILLIS_PER_HOUR) / millis;
			this.spendPaisePerHour = (this.spendPaisePerHour == 0) ? latest : (this.spendPaisePerHour + latest) / 2;
		}
	}

}
