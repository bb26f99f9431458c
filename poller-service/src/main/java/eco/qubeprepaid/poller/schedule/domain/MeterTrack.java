package eco.qubeprepaid.poller.schedule.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the scheduler remembers of one meter: when it was last polled, two balance series
 * (the meter's own, read by the polls, and the ledger's wallet, published by
 * balance-service), each with the spend rate learnt from it, and whether its relay was
 * seen off. Mutable, confined to {@link PollScheduler}'s lock.
 */
final class MeterTrack {

	final String premiseId;

	final BalanceSeries meter = new BalanceSeries();

	final BalanceSeries ledger = new BalanceSeries();

	Instant lastPolledAt;

	/** True when the last poll saw the relay off: the meter is not running down. */
	boolean switchedOff;

	boolean inFlight;

	boolean ready;

	MeterTrack(String premiseId) {
		this.premiseId = premiseId;
	}

	/**
	 * Takes a poll's outcome in. Only an interval with the supply on at both ends
	 * measures spending: a switched-off meter draws nothing, and a flat balance then
	 * would wrongly drag the rate towards zero for when the supply is restored. An
	 * offline poll carries the cloud's last values rather than a new measurement, so it
	 * moves neither the balance nor the rate, only the time of the last poll.
	 */
	void observe(PollOutcome outcome) {
		if (outcome.online() && outcome.balancePaise() != null) {
			this.meter.observe(outcome.balancePaise(), outcome.at(), !this.switchedOff && !outcome.switchedOff());
		}
		else if (outcome.online()) {
			// A live answer without a balance that the meter spends (not PREPAID): the
			// value seeded at start-up is no prediction either.
			this.meter.start(null, outcome.at());
		}
		this.switchedOff = outcome.switchedOff();
		this.lastPolledAt = outcome.at();
	}

	/**
	 * Takes a ledger balance in, unless the ledger series already holds a newer one (a
	 * redelivered or reordered event must not undo a later debit).
	 * @param balance the ledger's balance
	 * @return whether it was applied or ignored as stale
	 */
	LedgerUpdate observe(LedgerBalance balance) {
		if (this.ledger.isNewerThan(balance.at())) {
			return LedgerUpdate.STALE;
		}
		this.ledger.observe(balance.balancePaise(), balance.at(), balance.measuresSpending());
		return LedgerUpdate.APPLIED;
	}

	/**
	 * Predicts when the premise runs out: the sooner of the meter's and the ledger's
	 * predictions (see ADR 0006). A switched-off meter is not running down, whatever
	 * either balance says: it is revisited at the freshness floor like any meter without
	 * a prediction, instead of being ranked as about to run out.
	 * @return the time left, zero when already empty, {@code null} when unknown, not
	 * falling or switched off
	 */
	Duration timeToZero() {
		if (this.switchedOff) {
			return null;
		}
		Duration byMeter = this.meter.timeToZero();
		Duration byLedger = this.ledger.timeToZero();
		if (byMeter == null || byLedger == null) {
			return (byMeter != null) ? byMeter : byLedger;
		}
		return (byLedger.compareTo(byMeter) < 0) ? byLedger : byMeter;
	}

}
