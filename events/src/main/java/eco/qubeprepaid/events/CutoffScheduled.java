package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * balance-service owes a premise a cut-off (its balance is below the line) but a friendly
 * window holds it back until {@code scheduledFor}: the tenant can still top up before
 * then. Emitted once per cut-off episode and scheduled time (again only if the time
 * moves).
 *
 * @param eventId the event id
 * @param occurredAt when the cut-off was deferred
 * @param premiseId the premise's stable identity
 * @param scheduledFor when the cut-off will happen if nobody pays
 * @param balancePaise the ledger balance when it was deferred
 */
public record CutoffScheduled(UUID eventId, Instant occurredAt, String premiseId, Instant scheduledFor,
		long balancePaise) implements DomainEvent {

	public CutoffScheduled {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(scheduledFor, "scheduledFor");
	}

}
