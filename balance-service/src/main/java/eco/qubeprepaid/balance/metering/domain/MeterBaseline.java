package eco.qubeprepaid.balance.metering.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import eco.qubeprepaid.events.TariffKind;

/**
 * The last good reading of a premise's meter: the next reading is measured from it, and
 * the interval that starts at it is priced at the supply and rates in force at it.
 *
 * @param deviceId the device that gave the reading
 * @param epoch the meter epoch it belongs to
 * @param energyKwh the register value
 * @param observedAt when it was read
 * @param activeTariff the supply in force at the reading
 * @param ebPaisePerKwh the grid rate the meter reported then, or {@code null}
 * @param dgPaisePerKwh the generator rate the meter reported then, or {@code null}
 */
public record MeterBaseline(String deviceId, int epoch, BigDecimal energyKwh, Instant observedAt,
		TariffKind activeTariff, Long ebPaisePerKwh, Long dgPaisePerKwh) {

	public MeterBaseline {
		Objects.requireNonNull(deviceId, "deviceId");
		Objects.requireNonNull(energyKwh, "energyKwh");
		Objects.requireNonNull(observedAt, "observedAt");
		Objects.requireNonNull(activeTariff, "activeTariff");
		if (energyKwh.signum() < 0) {
			throw new IllegalArgumentException("energyKwh must be zero or more, was " + energyKwh);
		}
	}

	/**
	 * The reported rate of a supply at this reading.
	 * @param kind the supply
	 * @return the rate, or {@code null} if the meter did not report it
	 */
	public Long reportedRate(TariffKind kind) {
		return (kind == TariffKind.DG) ? this.dgPaisePerKwh : this.ebPaisePerKwh;
	}

}
