package eco.qubeprepaid.payment.portal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.payment.jooq.tables.records.SignInCodesRecord;
import eco.qubeprepaid.payment.portal.domain.SignInCode;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.payment.jooq.Tables.SIGN_IN_CODES;

/** The portal's one-time codes, in PostgreSQL. */
@Repository
public class SignInCodeStore {

	private final DSLContext db;

	public SignInCodeStore(DSLContext db) {
		this.db = db;
	}

	/**
	 * @param code a new code
	 */
	public void insert(SignInCode code) {
		this.db.insertInto(SIGN_IN_CODES)
			.set(SIGN_IN_CODES.CODE_ID, code.codeId())
			.set(SIGN_IN_CODES.TENANT_ID, code.tenantId())
			.set(SIGN_IN_CODES.CODE_HASH, code.codeHash())
			.set(SIGN_IN_CODES.CREATED_AT, utc(code.createdAt()))
			.set(SIGN_IN_CODES.EXPIRES_AT, utc(code.expiresAt()))
			.execute();
	}

	/**
	 * @param codeId a code
	 * @return it, locked for the caller's transaction
	 */
	public Optional<SignInCode> lock(UUID codeId) {
		return this.db.selectFrom(SIGN_IN_CODES)
			.where(SIGN_IN_CODES.CODE_ID.eq(codeId))
			.forUpdate()
			.fetchOptional(SignInCodeStore::code);
	}

	/**
	 * @param tenantId a tenant
	 * @param since from when
	 * @return how many codes they were sent since then
	 */
	public int countSince(UUID tenantId, Instant since) {
		return this.db.fetchCount(SIGN_IN_CODES,
				SIGN_IN_CODES.TENANT_ID.eq(tenantId).and(SIGN_IN_CODES.CREATED_AT.ge(utc(since))));
	}

	/**
	 * @param codeId a code
	 */
	public void wrongGuess(UUID codeId) {
		this.db.update(SIGN_IN_CODES)
			.set(SIGN_IN_CODES.ATTEMPTS, SIGN_IN_CODES.ATTEMPTS.plus(1))
			.where(SIGN_IN_CODES.CODE_ID.eq(codeId))
			.execute();
	}

	/**
	 * @param codeId a code
	 * @param at when it signed the tenant in
	 */
	public void used(UUID codeId, Instant at) {
		this.db.update(SIGN_IN_CODES)
			.set(SIGN_IN_CODES.USED_AT, utc(at))
			.where(SIGN_IN_CODES.CODE_ID.eq(codeId))
			.execute();
	}

	private static SignInCode code(SignInCodesRecord row) {
		return new SignInCode(row.getCodeId(), row.getTenantId(), row.getCodeHash(), row.getCreatedAt().toInstant(),
				row.getExpiresAt().toInstant(), row.getAttempts(),
				(row.getUsedAt() != null) ? row.getUsedAt().toInstant() : null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
