package eco.qubeprepaid.payment.portal.domain;

import java.io.Serializable;
import java.util.UUID;

/**
 * A signed-in tenant, kept in their session: everything the portal shows is of this
 * premise, whatever a URL or form says.
 *
 * @param tenantId the tenant
 * @param premiseId their premise
 * @param name their name
 */
public record TenantPrincipal(UUID tenantId, String premiseId, String name) implements Serializable {

}
