package eco.qubeprepaid.poller.schedule.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the scheduler remembers of one meter: when it was last polled, its balance then,
 * the spend rate estimated from successive balances and whether its relay was seen off.
 * Mutable, confined to {@link PollScheduler}'s lock.
 */
final class MeterTrack {

	private static final long MILLIS_PER_HOUR = 3_600_000L;

	final String premiseId;

	Instant lastPolledAt;

	Long balancePaise;

	Instant balanceAt;

	/** Paise per hour, 0 when unknown or not falling. */
	long spendPaisePerHour;

	/** True when the last poll saw the relay off: the meter is not running down. */
	boolean switchedOff;

	boolean inFlight;

	boolean ready;

	MeterTrack(String premiseId) {
		this.premiseId = premiseId;
	}

	/**
	 * Takes a poll's outcome in. The spend rate is the average of the previous estimate
	 * and the latest fall, so one noisy interval does not swing the order; a rise (a
	 * top-up) keeps the old rate because it says nothing about spending. Only an interval
	 * with the supply on at both ends measures spending: a switched-off meter draws
	 * nothing, and a flat balance then would wrongly drag the rate towards zero for when
	 * the supply is restored. An offline poll carries the cloud's last values rather than
	 * a new measurement, so it moves neither the balance nor the rate, only the time of
	 * the last poll.
	 */
	void observe(PollOutcome outcome) {
		Instant at = outcome.at();
		Long balance = outcome.balancePaise();
		if (outcome.online() && balance != null) {
			if (!this.switchedOff && !outcome.switchedOff()) {
				updateSpendRate(at, balance);
			}
			this.balancePaise = balance;
			this.balanceAt = at;
		}
		this.switchedOff = outcome.switchedOff();
		this.lastPolledAt = at;
	}

	private void updateSpendRate(Instant at, long balance) {
		if (this.balancePaise == null || this.balanceAt == null || !at.isAfter(this.balanceAt)) {
			return;
		}
		long fall = this.balancePaise - balance;
		long millis = Duration.between(this.balanceAt, at).toMillis();
		if (fall >= 0 && millis > 0) {
			// Balances are at most 10^8 paise, so the product stays far below
			// Long.MAX_VALUE.
			long latest = Math.multiplyExact(fall, MILLIS_PER_HOUR) / millis;
			this.spendPaisePerHour = (this.spendPaisePerHour == 0) ? latest : (this.spendPaisePerHour + latest) / 2;
		}
	}

	/**
	 * Predicts when the balance reaches zero. A switched-off meter is not running down,
	 * whatever its balance: it is revisited at the freshness floor like any meter without
	 * a prediction, instead of being ranked as about to run out.
	 * @return the time left, zero when already empty, {@code null} when unknown, not
	 * falling or switched off
	 */
	Duration timeToZero() {
		if (this.switchedOff || this.balancePaise == null) {
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
