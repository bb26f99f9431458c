package eco.qubeprepaid.payment.tenant.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.payment.jooq.tables.records.TenantsRecord;
import eco.qubeprepaid.payment.tenant.domain.Tenant;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.payment.jooq.Tables.TENANTS;

/** The tenants, in PostgreSQL. */
@Repository
public class TenantStore {

	private final DSLContext db;

	public TenantStore(DSLContext db) {
		this.db = db;
	}

	/**
	 * Records a tenant moving in (the partial unique index refuses a second current
	 * tenant of the premise).
	 * @param tenant the tenant
	 */
	public void insert(Tenant tenant) {
		this.db.insertInto(TENANTS)
			.set(TENANTS.TENANT_ID, tenant.tenantId())
			.set(TENANTS.PREMISE_ID, tenant.premiseId())
			.set(TENANTS.NAME, tenant.name())
			.set(TENANTS.PHONE, tenant.phone())
			.set(TENANTS.EMAIL, tenant.email())
			.set(TENANTS.LANGUAGE, tenant.language())
			.set(TENANTS.MOVED_IN_AT, utc(tenant.movedInAt()))
			.execute();
	}

	/**
	 * @param tenantId a tenant
	 * @return them, if they exist
	 */
	public Optional<Tenant> find(UUID tenantId) {
		return this.db.selectFrom(TENANTS).where(TENANTS.TENANT_ID.eq(tenantId)).fetchOptional(TenantStore::tenant);
	}

	/**
	 * @param phone an E.164 phone number
	 * @return the current tenant with that phone (the newest, if several share it)
	 */
	public Optional<Tenant> currentWithPhone(String phone) {
		return this.db.selectFrom(TENANTS)
			.where(TENANTS.PHONE.eq(phone))
			.and(TENANTS.MOVED_OUT_AT.isNull())
			.orderBy(TENANTS.MOVED_IN_AT.desc())
			.limit(1)
			.fetchOptional(TenantStore::tenant);
	}

	/**
	 * @param premiseId a premise
	 * @return its current tenant, if any
	 */
	public Optional<Tenant> currentOf(String premiseId) {
		return this.db.selectFrom(TENANTS)
			.where(TENANTS.PREMISE_ID.eq(premiseId))
			.and(TENANTS.MOVED_OUT_AT.isNull())
			.fetchOptional(TenantStore::tenant);
	}

	/**
	 * @param premiseId a premise
	 * @return every tenant it has had, newest first
	 */
	public List<Tenant> ofPremise(String premiseId) {
		return this.db.selectFrom(TENANTS)
			.where(TENANTS.PREMISE_ID.eq(premiseId))
			.orderBy(TENANTS.MOVED_IN_AT.desc())
			.fetch(TenantStore::tenant);
	}

	/**
	 * @return every current tenant, by premise
	 */
	public List<Tenant> current() {
		return this.db.selectFrom(TENANTS)
			.where(TENANTS.MOVED_OUT_AT.isNull())
			.orderBy(TENANTS.PREMISE_ID)
			.fetch(TenantStore::tenant);
	}

	/**
	 * Records a move-out.
	 * @param tenantId the tenant
	 * @param at when
	 * @return whether they were current
	 */
	public boolean moveOut(UUID tenantId, Instant at) {
		return this.db.update(TENANTS)
			.set(TENANTS.MOVED_OUT_AT, utc(at))
			.where(TENANTS.TENANT_ID.eq(tenantId))
			.and(TENANTS.MOVED_OUT_AT.isNull())
			.execute() == 1;
	}

	/**
	 * Changes a tenant's language.
	 * @param tenantId the tenant
	 * @param language {@code en} or {@code hi}
	 */
	public void language(UUID tenantId, String language) {
		this.db.update(TENANTS).set(TENANTS.LANGUAGE, language).where(TENANTS.TENANT_ID.eq(tenantId)).execute();
	}

	private static Tenant tenant(TenantsRecord row) {
		return new Tenant(row.getTenantId(), row.getPremiseId(), row.getName(), row.getPhone(), row.getEmail(),
				row.getLanguage(), row.getMovedInAt().toInstant(),
				(row.getMovedOutAt() != null) ? row.getMovedOutAt().toInstant() : null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
