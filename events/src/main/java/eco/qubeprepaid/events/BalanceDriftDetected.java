package eco.qubeprepaid.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * balance-service found the meter's own balance further from the ledger's than the
 * configured threshold allows. Emitted once per drift episode: the next one only after
 * the two have come back within the threshold.
 *
 * @param eventId the event id
 * @param occurredAt when the drift was recorded
 * @param premiseId the premise's stable identity
 * @param sourceEventId the snapshot that reported the meter's balance
 * @param ledgerBalancePaise the wallet balance in the ledger (may be negative)
 * @param meterBalancePaise the balance the meter reported
 * @param expectedMeterBalancePaise what the meter should show: the ledger balance, or
 * zero when the ledger is negative (a meter cannot show a debt)
 * @param driftPaise the meter's balance minus the expected one
 * @param thresholdPaise the largest absolute drift that is tolerated
 * @param enforcement who enforces the cut-off at the premise, {@code SYSTEM} or
 * {@code METER}
 * @param observedAt when the meter was read, with the IST offset
 */
public record BalanceDriftDetected(UUID eventId, Instant occurredAt, String premiseId, UUID sourceEventId,
		long ledgerBalancePaise, long meterBalancePaise, long expectedMeterBalancePaise, long driftPaise,
		long thresholdPaise, String enforcement, OffsetDateTime observedAt) implements DomainEvent {

	public BalanceDriftDetected {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(sourceEventId, "sourceEventId");
		Require.nonNegative(expectedMeterBalancePaise, "expectedMeterBalancePaise");
		Require.nonNegative(thresholdPaise, "thresholdPaise");
		Require.text(enforcement, "enforcement");
		Require.present(observedAt, "observedAt");
		if (driftPaise != meterBalancePaise - expectedMeterBalancePaise) {
			throw new IllegalArgumentException("driftPaise must be meterBalancePaise - expectedMeterBalancePaise");
		}
	}

}
