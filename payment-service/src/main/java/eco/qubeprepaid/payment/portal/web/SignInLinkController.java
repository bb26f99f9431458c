package eco.qubeprepaid.payment.portal.web;

import java.security.Principal;
import java.util.UUID;

import eco.qubeprepaid.payment.portal.application.TenantPortal;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator makes a tenant's signed sign-in link (to send by SMS or email); audited.
 */
@RestController
public class SignInLinkController {

	private final TenantPortal portal;

	SignInLinkController(TenantPortal portal) {
		this.portal = portal;
	}

	@PostMapping("/api/tenants/{tenantId}/sign-in-link")
	TenantPortal.Link link(@PathVariable UUID tenantId, Principal operator) {
		return this.portal.signInLink(operator.getName(), tenantId);
	}

}
