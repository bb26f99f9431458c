package eco.qubeprepaid.balance.metering.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * How much a premise can plausibly consume: at most {@code maxPowerKw} for the time
 * between two readings, plus a fixed tolerance for the register's resolution and clock
 * skew.
 *
 * @param maxPowerKw the highest power a premise can draw
 * @param toleranceKwh the slack added to every bound
 */
public record MeteringLimits(BigDecimal maxPowerKw, BigDecimal toleranceKwh) {

	private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

	public MeteringLimits {
		Objects.requireNonNull(maxPowerKw, "maxPowerKw");
		Objects.requireNonNull(toleranceKwh, "toleranceKwh");
		if (maxPowerKw.signum() <= 0 || toleranceKwh.signum() < 0) {
			throw new IllegalArgumentException("maxPowerKw must be positive and toleranceKwh not negative");
		}
	}

	/**
	 * The most energy that could have been consumed in an interval, rounded up to the
	 * milli-watt-hour.
	 * @param elapsed the interval
	 * @return the bound in kWh
	 */
	public BigDecimal maxEnergyKwh(Duration elapsed) {
		BigDecimal millis = BigDecimal.valueOf(Math.max(0, elapsed.toMillis()));
		return this.maxPowerKw.multiply(millis).divide(MILLIS_PER_HOUR, 6, RoundingMode.CEILING).add(this.toleranceKwh);
	}

}
