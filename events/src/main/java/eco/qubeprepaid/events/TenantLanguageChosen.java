package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant chose the language of their portal, and so of their notices.
 *
 * @param eventId the event id
 * @param occurredAt when they chose it
 * @param premiseId the premise's stable identity
 * @param tenantId the tenant's id
 * @param language {@code en} or {@code hi}
 */
public record TenantLanguageChosen(UUID eventId, Instant occurredAt, String premiseId, UUID tenantId,
		String language) implements DomainEvent {

	public TenantLanguageChosen {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(tenantId, "tenantId");
		if (!TenantMovedIn.LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("language must be en or hi, not '" + language + "'");
		}
	}

}
