package eco.qubeprepaid.payment.audit.web;

import java.util.List;

import eco.qubeprepaid.payment.audit.domain.AuditEntry;
import eco.qubeprepaid.payment.audit.application.AuditTrail;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log in the operator API: who did what, when, on what and why. */
@RestController
public class AuditController {

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/api/audit")
	List<AuditEntry> recent(@RequestParam(required = false) String target,
			@RequestParam(defaultValue = "100") int limit) {
		return this.audit.recent(target, Math.max(1, Math.min(limit, 1000)));
	}

}
