package eco.qubeprepaid.payment.tenant.application;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import eco.qubeprepaid.events.TenantLanguageChosen;
import eco.qubeprepaid.events.TenantMovedIn;
import eco.qubeprepaid.events.TenantMovedOut;
import eco.qubeprepaid.payment.audit.application.AuditTrail;
import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.tenant.domain.PremiseIds;
import eco.qubeprepaid.payment.tenant.domain.Tenant;
import eco.qubeprepaid.payment.tenant.persistence.TenantStore;
import eco.qubeprepaid.service.outbox.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenants moving in and out of premises, each move audited with the operator and the
 * reason, and published ({@code payments.tenants.v1}, through the outbox in the move's
 * transaction) so that notifier-service knows whom to tell what.
 */
@Service
public class Tenants {

	private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final TenantStore store;

	private final AuditTrail audit;

	private final Outbox outbox;

	private final Clock clock;

	public Tenants(TenantStore store, AuditTrail audit, Outbox outbox, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Moves a tenant in.
	 * @param operator who
	 * @param request the tenant's particulars
	 * @return the tenant
	 * @throws Refusal 400 for a bad field, 409 if the premise has a current tenant
	 */
	@Transactional
	public Tenant moveIn(String operator, MoveIn request) {
		String premise = required(request.premiseId(), "premiseId");
		if (!PremiseIds.isValid(premise)) {
			throw Refusal.badRequest("Bad premise id", PremiseIds.RULE);
		}
		String name = required(request.name(), "name");
		if (name.length() > 120) {
			throw Refusal.badRequest("Bad name", "A name is at most 120 characters");
		}
		if (request.phone() != null && !PHONE.matcher(request.phone()).matches()) {
			throw Refusal.badRequest("Bad phone", "A phone is in E.164 form, e.g. +919876543210");
		}
		if (request.email() != null && !EMAIL.matcher(request.email()).matches()) {
			throw Refusal.badRequest("Bad email", "The email address is not valid: " + request.email());
		}
		String language = (request.language() != null) ? request.language().toLowerCase(Locale.ROOT) : "en";
		if (!Tenant.LANGUAGES.contains(language)) {
			throw Refusal.badRequest("Bad language", "The language is en or hi, not " + request.language());
		}
		Optional<Tenant> current = this.store.currentOf(premise);
		if (current.isPresent()) {
			throw new Refusal(409, "Premise occupied",
					premise + " has a current tenant (" + current.get().tenantId() + "); move them out first");
		}
		Tenant tenant = new Tenant(UUID.randomUUID(), premise, name, request.phone(), request.email(), language,
				this.clock.instant(), null);
		this.store.insert(tenant);
		this.audit.record(operator, AuditTrail.OPERATOR, "tenant.move-in", premise, request.reason(),
				"tenant " + tenant.tenantId());
		this.outbox.append(new TenantMovedIn(UUID.randomUUID(), tenant.movedInAt(), premise, tenant.tenantId(),
				tenant.name(), tenant.phone(), tenant.email(), tenant.language()));
		return tenant;
	}

	/**
	 * Moves a tenant out; they can no longer sign in.
	 * @param operator who
	 * @param tenantId the tenant
	 * @param reason why
	 * @return the tenant as moved out
	 * @throws Refusal 404 if unknown, 409 if they moved out before
	 */
	@Transactional
	public Tenant moveOut(String operator, UUID tenantId, String reason) {
		Tenant tenant = get(tenantId);
		if (!this.store.moveOut(tenantId, this.clock.instant())) {
			throw new Refusal(409, "Already moved out", "Tenant " + tenantId + " moved out at " + tenant.movedOutAt());
		}
		this.audit.record(operator, AuditTrail.OPERATOR, "tenant.move-out", tenant.premiseId(), reason,
				"tenant " + tenantId);
		Tenant moved = get(tenantId);
		this.outbox.append(new TenantMovedOut(UUID.randomUUID(), moved.movedOutAt(), moved.premiseId(), tenantId));
		return moved;
	}

	/**
	 * @param tenantId a tenant
	 * @return them
	 * @throws Refusal 404 if unknown
	 */
	@Transactional(readOnly = true)
	public Tenant get(UUID tenantId) {
		return this.store.find(tenantId)
			.orElseThrow(() -> Refusal.notFound("Unknown tenant", "There is no tenant " + tenantId));
	}

	/**
	 * @param tenantId a tenant
	 * @return them if they exist and live there now
	 */
	@Transactional(readOnly = true)
	public Optional<Tenant> current(UUID tenantId) {
		return this.store.find(tenantId).filter(Tenant::isCurrent);
	}

	/**
	 * @param phone an E.164 phone number
	 * @return the current tenant with that phone, if any
	 */
	@Transactional(readOnly = true)
	public Optional<Tenant> currentWithPhone(String phone) {
		return this.store.currentWithPhone(phone);
	}

	/**
	 * @param premiseId a premise, or null for every premise
	 * @return its tenants, newest first (or every current tenant)
	 */
	@Transactional(readOnly = true)
	public List<Tenant> list(String premiseId) {
		return (premiseId != null) ? this.store.ofPremise(premiseId) : this.store.current();
	}

	/**
	 * Changes a tenant's language (their own choice in the portal).
	 * @param tenantId the tenant
	 * @param language {@code en} or {@code hi}
	 */
	@Transactional
	public void chooseLanguage(UUID tenantId, String language) {
		if (Tenant.LANGUAGES.contains(language)) {
			Optional<Tenant> tenant = this.store.find(tenantId);
			if (tenant.isPresent() && !language.equals(tenant.get().language())) {
				this.store.language(tenantId, language);
				this.outbox.append(new TenantLanguageChosen(UUID.randomUUID(), this.clock.instant(),
						tenant.get().premiseId(), tenantId, language));
			}
		}
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw Refusal.badRequest("Missing " + field, field + " is required");
		}
		return value.trim();
	}

	/**
	 * A move-in.
	 *
	 * @param premiseId the premise
	 * @param name the tenant's name
	 * @param phone E.164, or null
	 * @param email or null
	 * @param language {@code en} (default) or {@code hi}
	 * @param reason the operator's note, or null
	 */
	public record MoveIn(String premiseId, String name, String phone, String email, String language, String reason) {
	}

}
