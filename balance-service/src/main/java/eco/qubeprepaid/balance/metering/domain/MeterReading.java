package eco.qubeprepaid.balance.metering.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import eco.qubeprepaid.events.TariffKind;

/**
 * What metering needs from one snapshot of a premise's meter.
 *
 * @param snapshotId the snapshot's event id
 * @param deviceId the device now at the premise
 * @param epoch the poller's meter epoch
 * @param online whether the meter answered
 * @param energyKwh the cumulative register, exact, or {@code null} if not reported
 * @param observedAt when the meter was read
 * @param activeTariff the supply in force at the reading, or {@code null} if not reported
 * @param ebPaisePerKwh the grid rate the meter reported, or {@code null}
 * @param dgPaisePerKwh the generator rate the meter reported, or {@code null}
 */
public record MeterReading(UUID snapshotId, String deviceId, int epoch, boolean online, BigDecimal energyKwh,
		Instant observedAt, TariffKind activeTariff, Long ebPaisePerKwh, Long dgPaisePerKwh) {

	public MeterReading {
		Objects.requireNonNull(snapshotId, "snapshotId");
		Objects.requireNonNull(deviceId, "deviceId");
		Objects.requireNonNull(observedAt, "observedAt");
		if (epoch <= 0) {
			throw new IllegalArgumentException("epoch must be more than zero, was " + epoch);
		}
		if (energyKwh != null && energyKwh.signum() < 0) {
			throw new IllegalArgumentException("energyKwh must be zero or more, was " + energyKwh);
		}
	}

}
