package eco.qubeprepaid.payment.tenant.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.payment.audit.application.Actor;
import eco.qubeprepaid.payment.tenant.application.FinalSettlements;
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

/**
 * Tenants in the operator API: list, move in, move out with the final settlement of their
 * wallet (settled again on demand); every move audited.
 */
@RestController
public class TenantController {

	private final Tenants tenants;

	private final FinalSettlements settlements;

	TenantController(Tenants tenants, FinalSettlements settlements) {
		this.tenants = tenants;
		this.settlements = settlements;
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
	FinalSettlements.Settlement moveOut(@PathVariable UUID tenantId, @RequestBody(required = false) MoveOut request,
			Principal operator) {
		MoveOut body = (request != null) ? request : new MoveOut(null, null, null);
		return this.settlements.moveOut(Actor.operator(operator.getName(), body.operator()), tenantId, body.reason(),
				!Boolean.FALSE.equals(body.refundCredit()));
	}

	@PostMapping("/api/tenants/{tenantId}/final-settlement")
	FinalSettlements.Settlement settle(@PathVariable UUID tenantId, @RequestBody(required = false) MoveOut request,
			Principal operator) {
		MoveOut body = (request != null) ? request : new MoveOut(null, null, null);
		return this.settlements.settle(Actor.operator(operator.getName(), body.operator()), tenantId, body.reason());
	}

	/**
	 * @param reason the operator's note
	 * @param operator who asked, if not the account itself
	 * @param refundCredit {@code false} to leave the wallet's credit where it is
	 * (default: refund it to the payments the tenant made while they lived there)
	 */
	record MoveOut(String reason, String operator, Boolean refundCredit) {
	}

}
