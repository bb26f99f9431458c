package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.Objects;

import eco.qubeprepaid.balance.policy.domain.PolicyState.MeterReference;

/**
 * Finds credit that reached a meter from outside the ledger (Qube's own payment gateway
 * when {@code pg_enabled}, or a recharge made in Qube's app), so that it becomes a ledger
 * credit instead of a drift for reconciliation to erase (DESIGN fact 5).
 *
 * <p>
 * Each reading is compared with a reference: the meter's balance at an earlier reading,
 * less what the meter has deducted itself since (a PREPAID meter deducts each interval's
 * energy at its own rate, which the ledger prices too), or the read-back of a balance set
 * this service made. A reading above it by at least {@code minimumPaise} holds that much
 * credit from elsewhere. While a balance set of this service waits for its outcome, no
 * reading is compared (the rise could be the set) and the reference stays; the poller
 * refuses a set over a meter that gained credit meanwhile, so a set never erases it.
 * Where an interval's deduction cannot be known (it straddles a set's read-back), none is
 * assumed: the credit found is then at most the true one, never more, so money is never
 * invented.
 *
 * @param minimumPaise the least rise that counts as credit (smaller ones are rounding)
 */
public record MeterCredits(long minimumPaise) {

	public MeterCredits {
		if (minimumPaise < 1) {
			throw new IllegalArgumentException("the least credit must be at least 1 paisa, was " + minimumPaise);
		}
	}

	/**
	 * Compares a reading with the premise's reference and moves the reference on.
	 * @param state the premise's state before the reading
	 * @param reading the reading: online, with a meter balance, just billed or a baseline
	 * @param deduction what the meter deducted itself over the interval that ends at the
	 * reading
	 * @return the credit found (zero if none) and the new state
	 */
	public Found compare(PolicyState state, Reading reading, Deduction deduction) {
		Objects.requireNonNull(reading, "reading");
		Objects.requireNonNull(deduction, "deduction");
		TrackedCommand set = state.balanceCommand();
		if (set != null && set.inFlight()) {
			return new Found(0, state);
		}
		MeterReference reference = state.meterReference();
		MeterReference fresh = new MeterReference(reading.meterBalancePaise(), reading.observedAt(), false);
		if (reference == null) {
			return new Found(0, state.withMeterReference(fresh));
		}
		if (!reading.observedAt().isAfter(reference.at())) {
			// Read before the reference (e.g. before a set that was read back since).
			return new Found(0, state);
		}
		MeterReference counted = reference;
		if (deduction.paise() > 0 && (!reference.readBack() || !deduction.intervalStart().isBefore(reference.at()))) {
			counted = reference.deducted(deduction.paise());
		}
		long rise = reading.meterBalancePaise() - counted.expectedPaise();
		long credit = (rise >= this.minimumPaise) ? rise : 0;
		return new Found(credit, state.withMeterReference(fresh));
	}

	/**
	 * A meter reading that can be compared.
	 *
	 * @param meterBalancePaise the meter's balance
	 * @param observedAt when it was read
	 */
	public record Reading(long meterBalancePaise, Instant observedAt) {

		public Reading {
			Objects.requireNonNull(observedAt, "observedAt");
		}

	}

	/**
	 * The meter's own deduction over an interval.
	 *
	 * @param paise the amount (zero for a meter that does not deduct)
	 * @param intervalStart when the interval began
	 */
	public record Deduction(long paise, Instant intervalStart) {

		/** No deduction. */
		public static Deduction none(Instant at) {
			return new Deduction(0, at);
		}

		public Deduction {
			Objects.requireNonNull(intervalStart, "intervalStart");
			if (paise < 0) {
				throw new IllegalArgumentException("a deduction is zero or more");
			}
		}

	}

	/**
	 * What a comparison found.
	 *
	 * @param creditPaise the credit from outside the ledger, zero if none
	 * @param next the premise's state with its new reference
	 */
	public record Found(long creditPaise, PolicyState next) {
	}

}
