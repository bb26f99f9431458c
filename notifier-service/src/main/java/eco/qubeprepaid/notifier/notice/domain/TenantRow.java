package eco.qubeprepaid.notifier.notice.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant as notifier-service knows them.
 *
 * @param tenantId their id
 * @param premiseId their premise
 * @param name their name
 * @param phone E.164, or null
 * @param email or null
 * @param language {@code en} or {@code hi}
 * @param channels the channels they chose (comma-separated), or null for the default
 * @param movedInAt when they moved in
 * @param movedOutAt when they moved out, or null
 */
public record TenantRow(UUID tenantId, String premiseId, String name, String phone, String email, String language,
		String channels, Instant movedInAt, Instant movedOutAt) {
}
