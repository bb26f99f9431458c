package eco.qubeprepaid.qube.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import eco.qubeprepaid.qube.client.model.HistoryReading;

/**
 * Consumption from the cumulative energy register, exactly, as the Qube overview works
 * it: each day is the difference of consecutive bucket-end readings, the range is last
 * minus first.
 */
public final class EnergyMath {

	private EnergyMath() {
	}

	/**
	 * Returns the consumption between consecutive readings.
	 * @param readings cumulative readings in time order
	 * @return one difference per pair, {@code readings.size() - 1} values (none for fewer
	 * than 2)
	 */
	public static List<BigDecimal> consumptions(List<HistoryReading> readings) {
		List<BigDecimal> result = new ArrayList<>();
		for (int i = 1; i < readings.size(); i++) {
			result.add(readings.get(i).value().subtract(readings.get(i - 1).value()));
		}
		return result;
	}

	/**
	 * Returns the consumption over the whole series: last reading minus first.
	 * @param readings cumulative readings in time order
	 * @return the total, zero for fewer than two readings
	 */
	public static BigDecimal consumption(List<HistoryReading> readings) {
		if (readings.size() < 2) {
			return BigDecimal.ZERO;
		}
		return readings.get(readings.size() - 1).value().subtract(readings.get(0).value());
	}

}
