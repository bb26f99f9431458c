package eco.qubeprepaid.balance.metering.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The newest quarantined reading of a premise that an operator has not resolved yet, as
 * far as billing needs it: a later reading that continues from it (same device, register
 * at or above it by no more than could be consumed since) is held with it, however much
 * time has passed, instead of being billed from the old baseline once the time-scaled
 * plausibility bound has grown large enough to swallow the suspect register. A reading
 * billed normally from the baseline (the meter went on from there: the quarantined one
 * was a glitch) ends the hold.
 *
 * @param snapshotId the quarantined snapshot's event id (the quarantine row's key)
 * @param deviceId the device that gave it
 * @param energyKwh its register value
 * @param observedAt when it was read
 */
public record MeterSuspect(UUID snapshotId, String deviceId, BigDecimal energyKwh, Instant observedAt) {

	public MeterSuspect {
		Objects.requireNonNull(snapshotId, "snapshotId");
		Objects.requireNonNull(deviceId, "deviceId");
		Objects.requireNonNull(energyKwh, "energyKwh");
		Objects.requireNonNull(observedAt, "observedAt");
	}

	/**
	 * @param reading a later reading
	 * @return the suspect that reading is
	 */
	public static MeterSuspect of(MeterReading reading) {
		return new MeterSuspect(reading.snapshotId(), reading.deviceId(), reading.energyKwh(), reading.observedAt());
	}

}
