package eco.qubeprepaid.payment.audit.domain;

import java.time.Instant;

/**
 * One audited action.
 *
 * @param at when
 * @param actor who: the operator's account, the tenant's id, or {@code system}
 * @param actorKind {@code OPERATOR}, {@code TENANT} or {@code SYSTEM}
 * @param action what, e.g. {@code tenant.move-in}, {@code top-up.start}
 * @param target on what: a premise, a tenant, a payment
 * @param reason why, as the actor gave it, or null
 * @param detail the action's particulars (amounts, ids), or null
 */
public record AuditEntry(Instant at, String actor, String actorKind, String action, String target, String reason,
		String detail) {

}
