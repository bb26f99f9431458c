package eco.qubeprepaid.payment.audit.persistence;

import java.time.ZoneOffset;
import java.util.List;

import eco.qubeprepaid.payment.audit.domain.AuditEntry;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.payment.jooq.Tables.AUDIT_LOG;

/** The audit log, in PostgreSQL: appended to, never changed. */
@Repository
public class AuditStore {

	private final DSLContext db;

	public AuditStore(DSLContext db) {
		this.db = db;
	}

	/**
	 * @param entry the entry to append
	 */
	public void append(AuditEntry entry) {
		this.db.insertInto(AUDIT_LOG)
			.set(AUDIT_LOG.AT, entry.at().atOffset(ZoneOffset.UTC))
			.set(AUDIT_LOG.ACTOR, entry.actor())
			.set(AUDIT_LOG.ACTOR_KIND, entry.actorKind())
			.set(AUDIT_LOG.ACTION, entry.action())
			.set(AUDIT_LOG.TARGET, entry.target())
			.set(AUDIT_LOG.REASON, entry.reason())
			.set(AUDIT_LOG.DETAIL, entry.detail())
			.execute();
	}

	/**
	 * @param target only entries about this (a premise, a tenant, a payment), or null
	 * @param limit the most
	 * @return the entries, newest first
	 */
	public List<AuditEntry> recent(String target, int limit) {
		var query = this.db.selectFrom(AUDIT_LOG);
		var filtered = (target != null) ? query.where(AUDIT_LOG.TARGET.eq(target)) : query.where();
		return filtered.orderBy(AUDIT_LOG.AUDIT_ID.desc())
			.limit(limit)
			.fetch((row) -> new AuditEntry(row.getAt().toInstant(), row.getActor(), row.getActorKind(), row.getAction(),
					row.getTarget(), row.getReason(), row.getDetail()));
	}

}
