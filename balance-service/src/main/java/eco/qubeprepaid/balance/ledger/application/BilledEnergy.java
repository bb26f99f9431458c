package eco.qubeprepaid.balance.ledger.application;

import java.time.Instant;
import java.util.Objects;

/**
 * The interval a snapshot closed, as the observers of the ledger need it: how much energy
 * it held and at what rate the meter itself would have deducted it.
 *
 * @param energyMwh the interval's energy in milliwatt-hours
 * @param meterRatePaisePerKwh the rate the meter reported for the supply in force at the
 * interval's start, or {@code null}
 * @param intervalStart when the interval began (the previous reading)
 */
public record BilledEnergy(long energyMwh, Long meterRatePaisePerKwh, Instant intervalStart) {

	public BilledEnergy {
		Objects.requireNonNull(intervalStart, "intervalStart");
		if (energyMwh < 0) {
			throw new IllegalArgumentException("energy is zero or more");
		}
	}

	/**
	 * The meter's own deduction for the interval, if it deducts (PREPAID): the energy at
	 * its rate, rounded down to the paisa as the meter carries the remainder.
	 * @return the paise, zero without a rate
	 */
	public long meterDeductionPaise() {
		if (this.meterRatePaisePerKwh == null) {
			return 0;
		}
		return Math.multiplyExact(this.energyMwh, this.meterRatePaisePerKwh) / 1_000_000L;
	}

}
