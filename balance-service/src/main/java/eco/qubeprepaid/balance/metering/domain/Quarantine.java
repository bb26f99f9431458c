package eco.qubeprepaid.balance.metering.domain;

import java.time.Instant;

import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.QuarantineReason;

/**
 * A reading refused for billing.
 *
 * @param premiseId the premise
 * @param reading the reading
 * @param baseline the baseline billing continues from
 * @param reason why
 * @param detail the explanation
 * @param detectedAt when it was quarantined
 */
public record Quarantine(String premiseId, MeterReading reading, MeterBaseline baseline, QuarantineReason reason,
		String detail, Instant detectedAt) {
}
