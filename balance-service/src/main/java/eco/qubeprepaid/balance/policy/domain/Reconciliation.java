package eco.qubeprepaid.balance.policy.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Compares the meter's own balance with the ledger's (DESIGN fact 5). The meter should
 * show the ledger balance, or zero when the ledger is negative (a meter shows no debt). A
 * difference above {@code syncThresholdPaise} asks for an absolute balance set, at most
 * once per {@code syncInterval} of data time; a difference above
 * {@code driftThresholdPaise} is a drift, reported once per episode.
 *
 * @param syncThresholdPaise the difference that is worth a balance set
 * @param syncInterval the least data time between two balance sets of one premise
 * @param driftThresholdPaise the largest difference that is not a drift
 */
public record Reconciliation(long syncThresholdPaise, Duration syncInterval, long driftThresholdPaise) {

	public Reconciliation {
		Objects.requireNonNull(syncInterval, "syncInterval");
		if (syncThresholdPaise < 0 || driftThresholdPaise < 0 || syncInterval.isNegative()) {
			throw new IllegalArgumentException("reconciliation thresholds and interval must be zero or more");
		}
	}

	/**
	 * Checks one meter reading against the ledger.
	 * @param state the premise's reconciliation state
	 * @param ledgerBalancePaise the ledger balance at the reading
	 * @param meterBalancePaise the meter's balance at the reading
	 * @param observedAt when the meter was read
	 * @return the outcome
	 */
	public Outcome check(State state, long ledgerBalancePaise, long meterBalancePaise, Instant observedAt) {
		long expected = Math.max(0, ledgerBalancePaise);
		long drift = Math.subtractExact(meterBalancePaise, expected);
		long size = Math.abs(drift);
		boolean drifting = size > this.driftThresholdPaise;
		boolean newDrift = drifting && !state.driftOpen();
		boolean syncDue = state.lastSyncAt() == null
				|| !observedAt.isBefore(state.lastSyncAt().plus(this.syncInterval));
		boolean sync = size > this.syncThresholdPaise && syncDue;
		State next = new State(sync ? observedAt : state.lastSyncAt(), drifting);
		return new Outcome(expected, drift, newDrift, sync ? OptionalLong.of(expected) : OptionalLong.empty(), next);
	}

	/**
	 * What reconciliation remembers about a premise.
	 *
	 * @param lastSyncAt the data time of the last balance set requested, or {@code null}
	 * @param driftOpen whether a drift has been reported and not yet resolved
	 */
	public record State(Instant lastSyncAt, boolean driftOpen) {

		/** A premise never reconciled. */
		public static final State INITIAL = new State(null, false);

	}

	/**
	 * The outcome of one check.
	 *
	 * @param expectedMeterBalancePaise what the meter should show
	 * @param driftPaise the meter's balance minus that
	 * @param driftDetected whether a new drift episode begins (report it)
	 * @param setBalancePaise the absolute balance to set on the meter, if a set is due
	 * @param next the new state
	 */
	public record Outcome(long expectedMeterBalancePaise, long driftPaise, boolean driftDetected,
			OptionalLong setBalancePaise, State next) {
	}

}
