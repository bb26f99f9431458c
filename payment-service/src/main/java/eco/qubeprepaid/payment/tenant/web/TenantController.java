package eco.qubeprepaid.payment.tenant.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.payment.tenant.application.Tenants;
import eco.qubeprepaid.payment.tenant.domain.Tenant;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants in the operator API: list, move in, move out; every move audited. */
@RestController
public class TenantController {

	private final Tenants tenants;

	TenantController(Tenants tenants) {
		this.tenants = tenants;
	}

	@GetMapping("/api/tenants")
	List<Tenant> list(@RequestParam(required = false) String premiseId) {
		return this.tenants.list(premiseId);
	}

	@GetMapping("/api/tenants/{tenantId}")
	Tenant get(@PathVariable UUID tenantId) {
		return this.tenants.get(tenantId);
	}

	@PostMapping("/api/tenants")
	@ResponseStatus(HttpStatus.CREATED)
	Tenant moveIn(@RequestBody Tenants.MoveIn request, Principal operator) {
		return this.tenants.moveIn(operator.getName(), request);
	}

	@PostMapping("/api/tenants/{tenantId}/move-out")
	Tenant moveOut(@PathVariable UUID tenantId, @RequestBody(required = false) Reason reason, Principal operator) {
		return this.tenants.moveOut(operator.getName(), tenantId, (reason != null) ? reason.reason() : null);
	}

	/**
	 * @param reason the operator's note
	 */
	record Reason(String reason) {
	}

}
