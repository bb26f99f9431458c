package eco.qubeprepaid.sandbox.qube.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact conversions from the integer units kept inside the simulator to the JSON decimals
 * on the wire: energy in milli-Wh, power in deci-watts, voltage in deci-volts.
 */
public final class Units {

	/** Milli-Wh in one kWh. */
	public static final long MILLI_WH_PER_KWH = 1_000_000;

	private Units() {
	}

	/**
	 * kWh from milli-Wh, exact, with at least one decimal (1000 kWh is written 1000.0).
	 */
	public static BigDecimal kwh(long milliWh) {
		return atLeastOneDecimal(BigDecimal.valueOf(milliWh, 6));
	}

	/** A value kept in tenths (deci-watts, deci-volts), with at least one decimal. */
	public static BigDecimal tenths(long tenths) {
		return atLeastOneDecimal(BigDecimal.valueOf(tenths, 1));
	}

	/** Milli-Wh from a kWh decimal; fails when the value has more than six decimals. */
	public static long milliWh(BigDecimal kwh) {
		return kwh.movePointRight(6).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
	}

	/** Strips trailing zeros but keeps one decimal so the JSON shows a decimal number. */
	public static BigDecimal atLeastOneDecimal(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 1) ? stripped.setScale(1, RoundingMode.UNNECESSARY) : stripped;
	}

}
