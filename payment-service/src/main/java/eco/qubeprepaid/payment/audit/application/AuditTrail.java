package eco.qubeprepaid.payment.audit.application;

import java.time.Clock;
import java.util.List;

import eco.qubeprepaid.payment.audit.domain.AuditEntry;
import eco.qubeprepaid.payment.audit.persistence.AuditStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what, when and why. An action is audited in its own transaction, so an action
 * and its audit line are committed together or not at all.
 */
@Service
public class AuditTrail {

	/** Actor kind of an operator. */
	public static final String OPERATOR = "OPERATOR";

	/** Actor kind of a tenant in the portal. */
	public static final String TENANT = "TENANT";

	private final AuditStore store;

	private final Clock clock;

	public AuditTrail(AuditStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Records an action in the caller's transaction.
	 * @param actor who
	 * @param actorKind {@link #OPERATOR} or {@link #TENANT}
	 * @param action what
	 * @param target on what
	 * @param reason why, or null
	 * @param detail particulars, or null
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String actorKind, String action, String target, String reason, String detail) {
		this.store.append(new AuditEntry(this.clock.instant(), actor, actorKind, action, target, reason, detail));
	}

	/**
	 * @param target only about this, or null for all
	 * @param limit the most
	 * @return the entries, newest first
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> recent(String target, int limit) {
		return this.store.recent(target, limit);
	}

}
