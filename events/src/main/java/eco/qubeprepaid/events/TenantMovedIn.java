package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * payment-service moved a tenant into a premise: who they are and how to reach them, so
 * that notifier-service can tell them what happens to their supply and their money.
 *
 * @param eventId the event id
 * @param occurredAt when they moved in
 * @param premiseId the premise's stable identity
 * @param tenantId the tenant's id
 * @param name the tenant's name
 * @param phone E.164 phone number, or {@code null}
 * @param email email address, or {@code null}
 * @param language {@code en} or {@code hi}
 */
public record TenantMovedIn(UUID eventId, Instant occurredAt, String premiseId, UUID tenantId, String name,
		String phone, String email, String language) implements DomainEvent {

	/** The languages notices and the portal are written in. */
	public static final Set<String> LANGUAGES = Set.of("en", "hi");

	public TenantMovedIn {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.present(tenantId, "tenantId");
		Require.text(name, "name");
		Require.text(language, "language");
		if (!LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("language must be en or hi, not '" + language + "'");
		}
	}

}
