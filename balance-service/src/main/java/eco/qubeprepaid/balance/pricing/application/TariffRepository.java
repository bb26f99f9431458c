package eco.qubeprepaid.balance.pricing.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.balance.pricing.domain.SegmentKey;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.pricing.domain.TariffBook;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;

/**
 * Pricing's storage: tariff versions and the running totals of tariff segments, in the
 * caller's transaction. Implemented by {@code pricing.persistence.TariffStore}.
 */
public interface TariffRepository {

	/**
	 * Loads the versions that could apply to a premise: its own, every prefix scope and
	 * {@code *}; {@link TariffBook} picks among them.
	 * @param premiseId the premise
	 * @return the book
	 */
	TariffBook book(String premiseId);

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
	TariffVersion add(TariffScope scope, Instant effectiveFrom, long ebPaisePerKwh, long dgPaisePerKwh,
			long fixedDailyPaise);

	/**
	 * @param scope a scope
	 * @return its versions, oldest first
	 */
	List<TariffVersion> versionsOf(TariffScope scope);

	/**
	 * Reads segments' totals in one round trip (the caller holds the premises' wallet
	 * locks).
	 * @param keys the segments
	 * @return the totals of those that exist
	 */
	Map<SegmentKey, SegmentTotals> segments(Collection<SegmentKey> keys);

	/**
	 * Stores segments' new totals, one statement for all.
	 * @param totals the totals by segment
	 */
	void saveSegments(Map<SegmentKey, SegmentTotals> totals);

}
