package eco.qubeprepaid.balance.pricing.application;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.balance.pricing.domain.SegmentKey;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.balance.work.UnitPart;

import org.springframework.stereotype.Component;

/**
 * Pricing's part of a unit of work: the running totals of the tariff segments this
 * transaction prices energy in (they carry the sub-paisa remainder), read in bulk and
 * written through the {@link TariffRepository}.
 */
public final class Segments implements UnitPart {

	private final UnitOfWork work;

	private final TariffRepository tariffs;

	private final Map<SegmentKey, SegmentTotals> segments = new HashMap<>();

	private final Set<SegmentKey> read = new HashSet<>();

	private final Map<SegmentKey, SegmentTotals> changed = new LinkedHashMap<>();

	Segments(UnitOfWork work, TariffRepository tariffs) {
		this.work = work;
		this.tariffs = tariffs;
	}

	/**
	 * Reads the totals of segments this transaction is expected to need, in one round
	 * trip.
	 * @param keys the segments
	 */
	public void read(Collection<SegmentKey> keys) {
		List<SegmentKey> unread = keys.stream().filter((key) -> !this.read.contains(key)).toList();
		if (!unread.isEmpty()) {
			this.segments.putAll(this.tariffs.segments(unread));
			this.read.addAll(unread);
		}
	}

	/**
	 * @param key a segment of a premise of this unit
	 * @return its totals (read now if {@link #read} did not foresee it)
	 */
	public SegmentTotals totals(SegmentKey key) {
		this.work.requireLocked(key.premiseId());
		read(List.of(key));
		return this.segments.getOrDefault(key, SegmentTotals.EMPTY);
	}

	/**
	 * @param key a segment
	 * @param totals its new totals
	 */
	public void save(SegmentKey key, SegmentTotals totals) {
		this.work.requireLocked(key.premiseId());
		this.segments.put(key, totals);
		this.read.add(key);
		this.changed.put(key, totals);
	}

	@Override
	public void flush(Instant now) {
		this.tariffs.saveSegments(this.changed);
	}

	/** Opens pricing's part of each unit of work. */
	@Component
	public static class Factory extends UnitPart.Factory<Segments> {

		public Factory(TariffRepository tariffs) {
			super(Segments.class, 15, (work) -> new Segments(work, tariffs));
		}

	}

}
