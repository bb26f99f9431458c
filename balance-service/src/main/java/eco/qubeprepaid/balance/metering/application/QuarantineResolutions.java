package eco.qubeprepaid.balance.metering.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import eco.qubeprepaid.balance.metering.domain.MeterBaseline;
import eco.qubeprepaid.balance.metering.domain.MeterState;
import eco.qubeprepaid.balance.metering.domain.QuarantineStatus;
import eco.qubeprepaid.balance.metering.domain.QuarantinedReading;
import eco.qubeprepaid.balance.metering.domain.Resolution;
import eco.qubeprepaid.balance.work.UnitsOfWork;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' view and resolutions of quarantined readings, audited on the row itself. A
 * resolution runs in one transaction under the premise's lock (taken by
 * {@link UnitsOfWork#open}, like every change to a premise's money or meter state), so it
 * is serial with the snapshots being billed: the baseline it checks is the one it moves,
 * and the row's status change and the baseline move commit together or not at all. A
 * refusal changes nothing.
 */
@Service
public class QuarantineResolutions {

	private final MeteringRepository meters;

	private final UnitsOfWork units;

	private final MeteringMetrics metrics;

	private final Clock clock;

	public QuarantineResolutions(MeteringRepository meters, UnitsOfWork units, MeteringMetrics metrics, Clock clock) {
		this.meters = meters;
		this.units = units;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @param limit the most rows to return
	 * @return the open quarantined readings, newest first
	 */
	@Transactional(readOnly = true)
	public List<QuarantinedReading> open(int limit) {
		return this.meters.openQuarantine(limit);
	}

	/**
	 * @param id a row's id
	 * @return the row, whatever its status
	 * @throws QuarantineNotFoundException if there is no such row
	 */
	@Transactional(readOnly = true)
	public QuarantinedReading get(long id) {
		return find(id);
	}

	/**
	 * Resolves a quarantined reading once.
	 * @param id the row's id
	 * @param resolution the decision
	 * @param operator who decides (not blank)
	 * @param note why, or {@code null}
	 * @return the resolved row and what the resolution did to billing
	 * @throws QuarantineNotFoundException if there is no such row
	 * @throws QuarantineConflictException if the row is resolved already, or a rebaseline
	 * would move the baseline back past a newer reading
	 */
	@Transactional
	public Resolved resolve(long id, Resolution resolution, String operator, String note) {
		String premiseId = find(id).premiseId();
		this.units.open(List.of(premiseId));
		// Read again under the lock: another resolution may have committed while this
		// one waited for it.
		QuarantinedReading reading = find(id);
		if (reading.status() != QuarantineStatus.OPEN) {
			throw alreadyResolved(reading);
		}
		Instant now = this.clock.instant();
		if (!this.meters.resolve(id, resolution, operator, note, now)) {
			throw alreadyResolved(find(id));
		}
		String effect = (resolution == Resolution.REBASELINE) ? rebaseline(reading, now)
				: "Dismissed: nothing was billed for this reading and the premise's baseline was not changed, "
						+ "so billing continues from the last good reading.";
		// Resolved: later readings are no longer held with it.
		this.meters.clearSuspect(premiseId, reading.snapshotEventId(), now);
		this.metrics.quarantineResolved(resolution.name().toLowerCase(Locale.ROOT));
		return new Resolved(find(id), effect);
	}

	private String rebaseline(QuarantinedReading reading, Instant now) {
		MeterState state = this.meters.load(List.of(reading.premiseId())).get(reading.premiseId());
		if (state == null) {
			// A reading is only quarantined against a baseline, and baselines are never
			// deleted.
			throw new IllegalStateException("premise " + reading.premiseId() + " has no meter state");
		}
		MeterBaseline previous = state.baseline();
		if (!this.meters.rebaseline(reading, now)) {
			throw new QuarantineConflictException("cannot rebaseline quarantined reading " + reading.id()
					+ ": a newer reading has already moved billing on (the premise's baseline is " + describe(previous)
					+ ", this reading was read at " + reading.observedAt()
					+ "); rebaselining would move billing back. Dismiss it instead, and charge any energy owed "
					+ "with an adjustment.");
		}
		return "Rebaselined: billing continues from this reading (" + reading.energyKwh().toPlainString() + " kWh on "
				+ reading.deviceId() + ", epoch " + reading.epoch() + ", read at " + reading.observedAt()
				+ ") instead of the previous baseline (" + describe(previous)
				+ "). The energy between the previous baseline and this reading was NOT billed; "
				+ "to charge it, post an adjustment.";
	}

	private QuarantinedReading find(long id) {
		return this.meters.quarantined(id).orElseThrow(() -> new QuarantineNotFoundException(id));
	}

	private static String describe(MeterBaseline baseline) {
		return baseline.energyKwh().toPlainString() + " kWh on " + baseline.deviceId() + ", epoch " + baseline.epoch()
				+ ", read at " + baseline.observedAt();
	}

	private static QuarantineConflictException alreadyResolved(QuarantinedReading reading) {
		return new QuarantineConflictException(
				"quarantined reading " + reading.id() + " is already resolved: " + reading.resolution() + " by "
						+ reading.resolvedBy() + " at " + reading.resolvedAt() + "; a resolution is final");
	}

	/**
	 * A resolved quarantined reading, shown by the API as the row's fields plus
	 * {@code effect}.
	 *
	 * @param reading the row after the resolution
	 * @param effect what the resolution did to billing, in words; for a rebaseline it
	 * says that the energy between the previous baseline and the reading was not billed
	 */
	public record Resolved(@JsonUnwrapped QuarantinedReading reading, String effect) {
	}

}
