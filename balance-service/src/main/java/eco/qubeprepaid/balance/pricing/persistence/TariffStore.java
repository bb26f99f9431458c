package eco.qubeprepaid.balance.pricing.persistence;

import java.time.Instant;
import java.util.List;

import eco.qubeprepaid.balance.ledger.persistence.DbTime;
import eco.qubeprepaid.balance.pricing.domain.PricedTariff;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.pricing.domain.TariffBook;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;
import eco.qubeprepaid.balance.reference.ReferenceCache;
import eco.qubeprepaid.balance.reference.ReferenceDataVersion;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.balance.jooq.Tables.TARIFF_SEGMENT;
import static eco.qubeprepaid.balance.jooq.Tables.TARIFF_VERSION;

/**
 * Pricing's tables through jOOQ: tariff versions and the running totals of segments. The
 * tariff versions are few and change rarely, so they are read from a
 * {@link ReferenceCache} that follows the database's reference data version.
 */
@Repository
public class TariffStore {

	private final DSLContext dsl;

	private final ReferenceCache<List<TariffVersion>> versions;

	public TariffStore(DSLContext dsl, ReferenceDataVersion version) {
		this.dsl = dsl;
		this.versions = new ReferenceCache<>(version, this::loadVersions);
	}

	/**
	 * Loads the versions that could apply to a premise: its own, every prefix scope and
	 * {@code *}; {@link TariffBook} picks among them.
	 * @param premiseId the premise
	 * @return the book
	 */
	public TariffBook book(String premiseId) {
		return new TariffBook(
				this.versions.get().stream().filter((version) -> version.scope().covers(premiseId)).toList());
	}

	private List<TariffVersion> loadVersions() {
		return List.copyOf(this.dsl.selectFrom(TARIFF_VERSION)
			.fetch((row) -> new TariffVersion(row.getVersionId(), new TariffScope(row.getScope()),
					DbTime.instant(row.getEffectiveFrom()), row.getEbPaisePerKwh(), row.getDgPaisePerKwh(),
					row.getFixedDailyPaise())));
	}

	/**
	 * Adds a version.
	 * @param scope the scope
	 * @param effectiveFrom from when
	 * @param ebPaisePerKwh the grid rate
	 * @param dgPaisePerKwh the generator rate
	 * @param fixedDailyPaise the fixed daily charge
	 * @return the new version
	 * @throws org.springframework.dao.DuplicateKeyException if the scope has a version
	 * from that instant already
	 */
	public TariffVersion add(TariffScope scope, Instant effectiveFrom, long ebPaisePerKwh, long dgPaisePerKwh,
			long fixedDailyPaise) {
		long id = this.dsl.insertInto(TARIFF_VERSION)
			.set(TARIFF_VERSION.SCOPE, scope.value())
			.set(TARIFF_VERSION.EFFECTIVE_FROM, DbTime.utc(effectiveFrom))
			.set(TARIFF_VERSION.EB_PAISE_PER_KWH, ebPaisePerKwh)
			.set(TARIFF_VERSION.DG_PAISE_PER_KWH, dgPaisePerKwh)
			.set(TARIFF_VERSION.FIXED_DAILY_PAISE, fixedDailyPaise)
			.returning(TARIFF_VERSION.VERSION_ID)
			.fetchOne(TARIFF_VERSION.VERSION_ID);
		this.versions.invalidate();
		return new TariffVersion(id, scope, effectiveFrom, ebPaisePerKwh, dgPaisePerKwh, fixedDailyPaise);
	}

	/**
	 * @param scope a scope
	 * @return its versions, oldest first
	 */
	public List<TariffVersion> versionsOf(TariffScope scope) {
		return this.dsl.selectFrom(TARIFF_VERSION)
			.where(TARIFF_VERSION.SCOPE.eq(scope.value()))
			.orderBy(TARIFF_VERSION.EFFECTIVE_FROM)
			.fetch((row) -> new TariffVersion(row.getVersionId(), scope, DbTime.instant(row.getEffectiveFrom()),
					row.getEbPaisePerKwh(), row.getDgPaisePerKwh(), row.getFixedDailyPaise()));
	}

	/**
	 * Reads a segment's totals (the caller holds the premise's wallet lock).
	 * @param premiseId the premise
	 * @param tariff the segment's tariff
	 * @return the totals, empty for a new segment
	 */
	public SegmentTotals segment(String premiseId, PricedTariff tariff) {
		return this.dsl.select(TARIFF_SEGMENT.ENERGY_MWH, TARIFF_SEGMENT.CHARGED_PAISE)
			.from(TARIFF_SEGMENT)
			.where(segmentKey(premiseId, tariff))
			.fetchOptional((row) -> new SegmentTotals(row.value1(), row.value2()))
			.orElse(SegmentTotals.EMPTY);
	}

	/**
	 * Stores a segment's new totals.
	 * @param premiseId the premise
	 * @param tariff the segment's tariff
	 * @param totals the totals
	 */
	public void saveSegment(String premiseId, PricedTariff tariff, SegmentTotals totals) {
		this.dsl.insertInto(TARIFF_SEGMENT)
			.set(TARIFF_SEGMENT.PREMISE_ID, premiseId)
			.set(TARIFF_SEGMENT.TARIFF_KIND, tariff.kind().name())
			.set(TARIFF_SEGMENT.RATE_PAISE_PER_KWH, tariff.ratePaisePerKwh())
			.set(TARIFF_SEGMENT.TARIFF_VERSION_ID, tariff.versionId())
			.set(TARIFF_SEGMENT.ENERGY_MWH, totals.energyMwh())
			.set(TARIFF_SEGMENT.CHARGED_PAISE, totals.chargedPaise())
			.onConflict(TARIFF_SEGMENT.PREMISE_ID, TARIFF_SEGMENT.TARIFF_KIND, TARIFF_SEGMENT.RATE_PAISE_PER_KWH,
					TARIFF_SEGMENT.TARIFF_VERSION_ID)
			.doUpdate()
			.set(TARIFF_SEGMENT.ENERGY_MWH, totals.energyMwh())
			.set(TARIFF_SEGMENT.CHARGED_PAISE, totals.chargedPaise())
			.execute();
	}

	private static org.jooq.Condition segmentKey(String premiseId, PricedTariff tariff) {
		return DSL.and(TARIFF_SEGMENT.PREMISE_ID.eq(premiseId), TARIFF_SEGMENT.TARIFF_KIND.eq(tariff.kind().name()),
				TARIFF_SEGMENT.RATE_PAISE_PER_KWH.eq(tariff.ratePaisePerKwh()),
				TARIFF_SEGMENT.TARIFF_VERSION_ID.eq(tariff.versionId()));
	}

}
