package eco.qubeprepaid.balance.pricing.domain;

/**
 * The running totals of one tariff segment (premise, supply, rate, version): the energy
 * priced so far and the paise charged for it. The charge is always
 * {@code floor(energy × rate)}, never a sum of rounded parts, so the sub-paisa remainder
 * is carried from one debit to the next and the debits of a segment total exactly
 * {@code floor(totalWh × rate ÷ 1000)}.
 *
 * @param energyMwh the energy priced so far, in mWh
 * @param chargedPaise the paise charged so far
 */
public record SegmentTotals(long energyMwh, long chargedPaise) {

	/** A segment nothing has been charged in yet. */
	public static final SegmentTotals EMPTY = new SegmentTotals(0, 0);

	public SegmentTotals {
		if (energyMwh < 0 || chargedPaise < 0) {
			throw new IllegalArgumentException("segment totals must not be negative");
		}
	}

	/**
	 * The exact charge for an amount of energy, rounded down to the paisa.
	 * @param energyMwh the energy in mWh
	 * @param ratePaisePerKwh the rate
	 * @return {@code floor(energyMwh × rate ÷ 1,000,000)}
	 */
	public static long chargeFor(long energyMwh, long ratePaisePerKwh) {
		return Math.floorDiv(Math.multiplyExact(energyMwh, ratePaisePerKwh), Energy.MWH_PER_KWH);
	}

	/**
	 * Adds energy to the segment.
	 * @param addedMwh the energy of the new interval in mWh
	 * @param ratePaisePerKwh the segment's rate
	 * @return the debit and the totals after it
	 */
	public Charge add(long addedMwh, long ratePaisePerKwh) {
		if (addedMwh < 0) {
			throw new IllegalArgumentException("energy added must not be negative, was " + addedMwh);
		}
		long energyAfter = Math.addExact(this.energyMwh, addedMwh);
		long chargedAfter = chargeFor(energyAfter, ratePaisePerKwh);
		if (chargeFor(this.energyMwh, ratePaisePerKwh) != this.chargedPaise) {
			throw new IllegalStateException("segment totals are inconsistent: " + this + " at " + ratePaisePerKwh);
		}
		return new Charge(chargedAfter - this.chargedPaise, new SegmentTotals(energyAfter, chargedAfter));
	}

	/**
	 * The result of adding energy to a segment.
	 *
	 * @param debitPaise what to debit now, zero or more
	 * @param after the totals after the debit
	 */
	public record Charge(long debitPaise, SegmentTotals after) {
	}

}
