package eco.qubeprepaid.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * balance-service refused to bill a meter reading it cannot explain (the register dropped
 * on the same meter, or jumped further than the premise could have consumed), recorded it
 * for an operator to review, and kept billing from the last good reading.
 *
 * @param eventId the event id
 * @param occurredAt when the reading was quarantined
 * @param premiseId the premise's stable identity
 * @param sourceEventId the snapshot that carried the reading
 * @param deviceId the device that reported it
 * @param epoch the meter epoch the snapshot claimed
 * @param energyKwh the register value that was refused, exact
 * @param baselineEnergyKwh the last good register value billing continues from
 * @param reason a stable reason code, e.g. {@code register-drop},
 * {@code implausible-jump}
 * @param detail a human-readable explanation
 * @param observedAt when the meter was read, with the IST offset
 */
public record ReadingQuarantined(UUID eventId, Instant occurredAt, String premiseId, UUID sourceEventId,
		String deviceId, int epoch, BigDecimal energyKwh, BigDecimal baselineEnergyKwh, String reason, String detail,
		OffsetDateTime observedAt) implements DomainEvent {

	public ReadingQuarantined {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(sourceEventId, "sourceEventId");
		Require.text(deviceId, "deviceId");
		Require.positive(epoch, "epoch");
		Require.present(energyKwh, "energyKwh");
		Require.present(baselineEnergyKwh, "baselineEnergyKwh");
		Require.text(reason, "reason");
		Require.text(detail, "detail");
		Require.present(observedAt, "observedAt");
	}

}
