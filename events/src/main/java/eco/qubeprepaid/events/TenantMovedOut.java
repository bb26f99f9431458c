package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * payment-service moved a tenant out of a premise: they are told nothing more about it.
 *
 * @param eventId the event id
 * @param occurredAt when they moved out
 * @param premiseId the premise's stable identity
 * @param tenantId the tenant's id
 */
public record TenantMovedOut(UUID eventId, Instant occurredAt, String premiseId, UUID tenantId) implements DomainEvent {

	public TenantMovedOut {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(tenantId, "tenantId");
	}

}
