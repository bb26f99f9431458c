package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A premise's balance crossed one rung of its low-balance ladder downwards. Emitted once
 * per crossing; crossing back up re-arms the rung.
 *
 * @param eventId the event id
 * @param occurredAt when the crossing was recorded
 * @param premiseId the premise's stable identity
 * @param threshold the rung's label, e.g. {@code 30%}, {@code 10%}, {@code 0%}
 * @param thresholdPaise the rung's value in paise
 * @param balancePaise the balance that crossed it
 */
public record LowBalanceReached(UUID eventId, Instant occurredAt, String premiseId, String threshold,
		long thresholdPaise, long balancePaise) implements DomainEvent {

	public LowBalanceReached {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.text(threshold, "threshold");
	}

}
