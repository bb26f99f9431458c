package eco.qubeprepaid.balance.metering.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.Baseline;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.Billable;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.EpochChange;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.IgnoreReason;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.Ignored;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.QuarantineReason;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.Quarantined;
import eco.qubeprepaid.events.TariffKind;

/**
 * Turns cumulative register readings into consumption, one premise at a time, across
 * meter epochs. The rules, in order:
 * <ol>
 * <li>offline, empty, out-of-order and older-epoch readings change nothing;</li>
 * <li>the first reading of a premise is a baseline;</li>
 * <li>a new device or a higher epoch starts a new epoch whose register starts at zero
 * (REFERENCE G22), so a reading no larger than could be consumed since the baseline is
 * billed from zero; on the same device, a register that continues plausibly from the
 * baseline continues the epoch (the poller also starts an epoch at a glitch), anything
 * else is quarantined;</li>
 * <li>on the same meter, a drop to no more than could be consumed since the baseline is a
 * reset (billed from zero), any other drop and any rise beyond the maximum power are
 * quarantined and leave the baseline alone;</li>
 * <li>while a quarantined reading is unresolved, a reading that continues from it (see
 * {@link MeterSuspect}) is held with it, not billed: quarantine stays quarantine until an
 * operator resolves it.</li>
 * </ol>
 */
public final class Metering {

	private final MeteringLimits limits;

	/**
	 * Creates the rules.
	 * @param limits the plausibility limits
	 */
	public Metering(MeteringLimits limits) {
		this.limits = Objects.requireNonNull(limits, "limits");
	}

	/**
	 * Decides what a reading means.
	 * @param baseline the premise's current baseline, or {@code null} if it has none yet
	 * @param reading the new reading
	 * @return the assessment
	 */
	public ReadingAssessment assess(MeterBaseline baseline, MeterReading reading) {
		return assess(baseline, null, reading);
	}

	/**
	 * Decides what a reading means while a quarantined reading may be unresolved.
	 * @param baseline the premise's current baseline, or {@code null} if it has none yet
	 * @param suspect the newest unresolved quarantined reading, or {@code null}
	 * @param reading the new reading
	 * @return the assessment
	 */
	public ReadingAssessment assess(MeterBaseline baseline, MeterSuspect suspect, MeterReading reading) {
		if (!reading.online()) {
			return new Ignored(IgnoreReason.OFFLINE);
		}
		if (reading.energyKwh() == null) {
			return new Ignored(IgnoreReason.NO_READING);
		}
		if (baseline == null) {
			return new Baseline(next(null, reading));
		}
		if (!reading.observedAt().isAfter(baseline.observedAt())) {
			return new Ignored(IgnoreReason.STALE);
		}
		if (reading.epoch() < baseline.epoch()) {
			return new Ignored(IgnoreReason.OLDER_EPOCH);
		}
		if (suspect != null && continuesFrom(suspect, reading)) {
			return new ReadingAssessment.Held(suspect.snapshotId());
		}
		BigDecimal energy = reading.energyKwh();
		BigDecimal bound = this.limits.maxEnergyKwh(Duration.between(baseline.observedAt(), reading.observedAt()));
		boolean newDevice = !reading.deviceId().equals(baseline.deviceId());
		if (newDevice || reading.epoch() > baseline.epoch()) {
			return assessNewEpoch(baseline, reading, newDevice, bound);
		}
		BigDecimal delta = energy.subtract(baseline.energyKwh());
		if (delta.signum() >= 0) {
			if (delta.compareTo(bound) > 0) {
				return jump(delta, bound);
			}
			return new Billable(delta, EpochChange.NONE, next(baseline, reading));
		}
		if (energy.compareTo(bound) <= 0) {
			return new Billable(energy, EpochChange.RESET_DETECTED, next(baseline, reading));
		}
		return drop(baseline, energy, bound);
	}

	private boolean continuesFrom(MeterSuspect suspect, MeterReading reading) {
		if (!reading.deviceId().equals(suspect.deviceId()) || !reading.observedAt().isAfter(suspect.observedAt())) {
			return false;
		}
		BigDecimal delta = reading.energyKwh().subtract(suspect.energyKwh());
		return delta.signum() >= 0 && delta
			.compareTo(this.limits.maxEnergyKwh(Duration.between(suspect.observedAt(), reading.observedAt()))) <= 0;
	}

	private ReadingAssessment assessNewEpoch(MeterBaseline baseline, MeterReading reading, boolean newDevice,
			BigDecimal bound) {
		BigDecimal energy = reading.energyKwh();
		BigDecimal delta = energy.subtract(baseline.energyKwh());
		if (!newDevice && delta.signum() >= 0 && delta.compareTo(bound) <= 0) {
			// The poller starts a new epoch at every drop it sees, including a glitch
			// this
			// service quarantined. A register at or above our baseline by a plausible
			// amount
			// continues our epoch: billing it from zero would invent the baseline's
			// energy.
			return new Billable(delta, EpochChange.NONE, next(baseline, reading));
		}
		if (energy.compareTo(bound) <= 0) {
			return new Billable(energy, newDevice ? EpochChange.REPLACEMENT : EpochChange.RESET_REPORTED,
					next(baseline, reading));
		}
		if (newDevice) {
			return jump(energy, bound);
		}
		return (delta.signum() < 0) ? drop(baseline, energy, bound) : jump(delta, bound);
	}

	private static Quarantined drop(MeterBaseline baseline, BigDecimal energy, BigDecimal bound) {
		return new Quarantined(QuarantineReason.REGISTER_DROP,
				"register fell from " + baseline.energyKwh().toPlainString() + " to " + energy.toPlainString()
						+ " kWh on the same meter, more than a reset (at most " + bound.toPlainString()
						+ " kWh since the last reading) explains");
	}

	private static Quarantined jump(BigDecimal delta, BigDecimal bound) {
		return new Quarantined(QuarantineReason.IMPLAUSIBLE_JUMP, "register rose by " + delta.toPlainString()
				+ " kWh, more than the " + bound.toPlainString() + " kWh possible since the last reading");
	}

	private static MeterBaseline next(MeterBaseline previous, MeterReading reading) {
		TariffKind tariff = (reading.activeTariff() != null) ? reading.activeTariff()
				: (previous != null) ? previous.activeTariff() : TariffKind.EB;
		Long eb = (reading.ebPaisePerKwh() != null || previous == null) ? reading.ebPaisePerKwh()
				: previous.ebPaisePerKwh();
		Long dg = (reading.dgPaisePerKwh() != null || previous == null) ? reading.dgPaisePerKwh()
				: previous.dgPaisePerKwh();
		return new MeterBaseline(reading.deviceId(), reading.epoch(), reading.energyKwh(), reading.observedAt(), tariff,
				eb, dg);
	}

}
