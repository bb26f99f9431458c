package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * balance-service owes a premise its supply (the balance is at or above the restore
 * minimum and no operator holds the relay off), has been asking the meter for it, and
 * still has no reading that shows the supply on after the configured time. An operator
 * must look: the meter may be in a mode that refuses the relay, have no relay, or be
 * offline. Emitted once per restore; the restore keeps being asked for meanwhile.
 *
 * @param eventId the event id
 * @param occurredAt when it was found overdue
 * @param premiseId the premise's stable identity
 * @param owedSince since when the supply has been owed
 * @param balancePaise the ledger balance when it was found overdue
 * @param restoreRequests how many relay-on and balance commands were requested for it
 * @param lastError the last failure the poller reported for them, or {@code null}
 */
public record SupplyRestoreOverdue(UUID eventId, Instant occurredAt, String premiseId, Instant owedSince,
		long balancePaise, int restoreRequests, String lastError) implements DomainEvent {

	public SupplyRestoreOverdue {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(owedSince, "owedSince");
		Require.nonNegative(restoreRequests, "restoreRequests");
	}

}
