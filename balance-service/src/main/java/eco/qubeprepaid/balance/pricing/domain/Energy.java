package eco.qubeprepaid.balance.pricing.domain;

import java.math.BigDecimal;

/**
 * Exact conversions of energy. Prices are computed on integer milli-watt-hours (mWh), so
 * a register with up to six decimals of kWh is priced without any rounding.
 */
public final class Energy {

	/** Milli-watt-hours in one kWh. */
	public static final long MWH_PER_KWH = 1_000_000;

	private Energy() {
	}

	/**
	 * Converts kWh to mWh exactly.
	 * @param kwh the energy in kWh, zero or more
	 * @return the energy in mWh
	 * @throws IllegalArgumentException if the value is negative or has more than six
	 * decimals, which could not be priced exactly
	 */
	public static long toMilliWattHours(BigDecimal kwh) {
		if (kwh.signum() < 0) {
			throw new IllegalArgumentException("energy must not be negative, was " + kwh.toPlainString());
		}
		BigDecimal mwh = kwh.movePointRight(6).stripTrailingZeros();
		if (mwh.scale() > 0) {
			throw new IllegalArgumentException(
					"energy " + kwh.toPlainString() + " kWh has more than 6 decimals and cannot be priced exactly");
		}
		return mwh.longValueExact();
	}

	/**
	 * Converts mWh to kWh exactly.
	 * @param mwh the energy in mWh
	 * @return the energy in kWh
	 */
	public static BigDecimal toKwh(long mwh) {
		return plain(BigDecimal.valueOf(mwh, 6));
	}

	/**
	 * Converts mWh to Wh exactly, for reports.
	 * @param mwh the energy in mWh
	 * @return the energy in Wh
	 */
	public static BigDecimal toWh(long mwh) {
		return plain(BigDecimal.valueOf(mwh, 3));
	}

	/** Drops trailing zeros without turning whole numbers into exponents (1E+3). */
	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
