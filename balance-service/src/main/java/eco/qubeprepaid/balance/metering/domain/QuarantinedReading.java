package eco.qubeprepaid.balance.metering.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A reading that was not billed, and what an operator decided about it.
 *
 * @param id the row's id
 * @param snapshotEventId the snapshot that carried it
 * @param premiseId the premise
 * @param deviceId the device
 * @param epoch the claimed epoch
 * @param energyKwh the refused register value
 * @param baselineEnergyKwh the baseline billing continued from when it was refused
 * @param baselineObservedAt when that baseline was read
 * @param observedAt when the refused reading was taken
 * @param reason the reason code
 * @param detail the explanation
 * @param detectedAt when it was quarantined
 * @param status open or resolved
 * @param resolution the operator's decision, or {@code null} while open
 * @param resolvedBy the operator, or {@code null} while open
 * @param resolvedAt when it was resolved, or {@code null} while open
 * @param note the operator's note, or {@code null}
 * @param heldReadings how many later readings continued from it and were held with it
 * @param lastHeldEnergyKwh the register of the last of them, or {@code null}
 * @param lastHeldObservedAt when it was read, or {@code null}
 */
public record QuarantinedReading(long id, UUID snapshotEventId, String premiseId, String deviceId, int epoch,
		BigDecimal energyKwh, BigDecimal baselineEnergyKwh, Instant baselineObservedAt, Instant observedAt,
		String reason, String detail, Instant detectedAt, QuarantineStatus status, Resolution resolution,
		String resolvedBy, Instant resolvedAt, String note, int heldReadings, BigDecimal lastHeldEnergyKwh,
		Instant lastHeldObservedAt) {
}
