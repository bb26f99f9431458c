package eco.qubeprepaid.balance.pricing.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.service.persistence.DbTime;
import eco.qubeprepaid.balance.pricing.domain.PricedTariff;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.pricing.domain.TariffBook;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;
import eco.qubeprepaid.balance.reference.ReferenceCache;
import eco.qubeprepaid.balance.reference.ReferenceDataVersion;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.balance.pricing.domain.SegmentKey;
import eco.qubeprepaid.balance.pricing.application.TariffRepository;
import org.jooq.BatchBindStep;
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
public class TariffStore implements TariffRepository {

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
	@Override
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
	@Override
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
	@Override
	public List<TariffVersion> versionsOf(TariffScope scope) {
		return this.dsl.selectFrom(TARIFF_VERSION)
			.where(TARIFF_VERSION.SCOPE.eq(scope.value()))
			.orderBy(TARIFF_VERSION.EFFECTIVE_FROM)
			.fetch((row) -> new TariffVersion(row.getVersionId(), scope, DbTime.instant(row.getEffectiveFrom()),
					row.getEbPaisePerKwh(), row.getDgPaisePerKwh(), row.getFixedDailyPaise()));
	}

	/**
	 * Reads segments' totals in one round trip (the caller holds the premises' wallet
	 * locks).
	 * @param keys the segments
	 * @return the totals of those that exist
	 */
	@Override
	public Map<SegmentKey, SegmentTotals> segments(Collection<SegmentKey> keys) {
		Map<SegmentKey, SegmentTotals> totals = new HashMap<>();
		if (keys.isEmpty()) {
			return totals;
		}
		// Read by premise (an index range each) and picked here: a row-value IN list of
		// hundreds of keys costs PostgreSQL far more to plan than the few extra rows.
		Set<SegmentKey> wanted = new HashSet<>(keys);
		this.dsl.selectFrom(TARIFF_SEGMENT)
			.where(TARIFF_SEGMENT.PREMISE_ID.in(keys.stream().map(SegmentKey::premiseId).distinct().toList()))
			.forEach((row) -> {
				SegmentKey key = new SegmentKey(row.getPremiseId(), new PricedTariff(
						TariffKind.valueOf(row.getTariffKind()), row.getRatePaisePerKwh(), row.getTariffVersionId(),
						(row.getTariffVersionId() == 0) ? PricedTariff.Source.METER : PricedTariff.Source.CONFIGURED));
				if (wanted.contains(key)) {
					totals.put(key, new SegmentTotals(row.getEnergyMwh(), row.getChargedPaise()));
				}
			});
		return totals;
	}

	/**
	 * Stores segments' new totals, one statement for all.
	 * @param totals the totals by segment
	 */
	@Override
	public void saveSegments(Map<SegmentKey, SegmentTotals> totals) {
		if (totals.isEmpty()) {
			return;
		}
		BatchBindStep batch = this.dsl.batch(this.dsl
			.insertInto(TARIFF_SEGMENT, TARIFF_SEGMENT.PREMISE_ID, TARIFF_SEGMENT.TARIFF_KIND,
					TARIFF_SEGMENT.RATE_PAISE_PER_KWH, TARIFF_SEGMENT.TARIFF_VERSION_ID, TARIFF_SEGMENT.ENERGY_MWH,
					TARIFF_SEGMENT.CHARGED_PAISE)
			.values((String) null, null, null, null, null, null)
			.onConflict(TARIFF_SEGMENT.PREMISE_ID, TARIFF_SEGMENT.TARIFF_KIND, TARIFF_SEGMENT.RATE_PAISE_PER_KWH,
					TARIFF_SEGMENT.TARIFF_VERSION_ID)
			.doUpdate()
			.set(TARIFF_SEGMENT.ENERGY_MWH, DSL.excluded(TARIFF_SEGMENT.ENERGY_MWH))
			.set(TARIFF_SEGMENT.CHARGED_PAISE, DSL.excluded(TARIFF_SEGMENT.CHARGED_PAISE)));
		totals.forEach((key, segment) -> batch.bind(key.premiseId(), key.tariff().kind().name(),
				key.tariff().ratePaisePerKwh(), key.tariff().versionId(), segment.energyMwh(), segment.chargedPaise()));
		batch.execute();
	}

}
