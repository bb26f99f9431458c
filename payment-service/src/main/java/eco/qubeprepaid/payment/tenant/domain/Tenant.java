package eco.qubeprepaid.payment.tenant.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant of a premise: the person who may sign in to the portal for it while they live
 * there.
 *
 * @param tenantId the id
 * @param premiseId the premise
 * @param name their name
 * @param phone their phone, E.164 (e.g. {@code +919876543210}), or null
 * @param email their email, or null
 * @param language {@code en} or {@code hi}
 * @param movedInAt when they moved in
 * @param movedOutAt when they moved out, or null while they live there
 */
public record Tenant(UUID tenantId, String premiseId, String name, String phone, String email, String language,
		Instant movedInAt, Instant movedOutAt) {

	/** The languages of the portal and the notices. */
	public static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "hi");

	/**
	 * @return whether they still live there
	 */
	public boolean isCurrent() {
		return this.movedOutAt == null;
	}

}
