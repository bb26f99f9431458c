package eco.qubeprepaid.notifier.notice.web;

import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.notifier.notice.application.RecipientPreferences;
import eco.qubeprepaid.notifier.notice.domain.TenantRow;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenants notices go to (from payment-service's moves) and their choice of channels
 * and language.
 */
@RestController
@RequestMapping("/api/recipients")
class RecipientController {

	private final RecipientPreferences preferences;

	RecipientController(RecipientPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	List<TenantRow> list(@RequestParam(required = false) String premiseId) {
		return this.preferences.list(premiseId);
	}

	@PutMapping("/{tenantId}/preferences")
	ResponseEntity<?> choose(@PathVariable UUID tenantId, @RequestBody Preferences body) {
		if (body == null || (body.channels() == null && body.language() == null)) {
			throw new IllegalArgumentException("give channels (email, sms, whatsapp) and/or language (en, hi)");
		}
		return this.preferences.choose(tenantId, body.channels(), body.language())
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"There is no tenant " + tenantId + " (tenants come from payment-service's move-ins)");
				problem.setTitle("Unknown tenant");
				return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
			});
	}

	/**
	 * A tenant's choice.
	 *
	 * @param channels email, sms and/or whatsapp, or null to keep
	 * @param language en or hi, or null to keep
	 */
	record Preferences(List<String> channels, String language) {
	}

}
