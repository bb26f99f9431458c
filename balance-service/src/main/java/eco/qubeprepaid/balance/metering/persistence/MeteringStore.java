package eco.qubeprepaid.balance.metering.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.persistence.DbTime;
import eco.qubeprepaid.balance.metering.domain.MeterBaseline;
import eco.qubeprepaid.balance.metering.domain.MeterReading;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.QuarantineReason;
import eco.qubeprepaid.balance.pricing.domain.PricedTariff;
import eco.qubeprepaid.events.TariffKind;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.balance.jooq.Tables.CONSUMPTION;
import static eco.qubeprepaid.balance.jooq.Tables.METER_STATE;
import static eco.qubeprepaid.balance.jooq.Tables.QUARANTINED_READING;

/**
 * Metering's tables through jOOQ: each premise's baseline, the billed intervals and the
 * quarantined readings.
 */
@Repository
public class MeteringStore {

	private final DSLContext dsl;

	public MeteringStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * @param premiseId a premise
	 * @return its meter state, if it has been read before
	 */
	public Optional<MeterState> load(String premiseId) {
		return this.dsl.selectFrom(METER_STATE)
			.where(METER_STATE.PREMISE_ID.eq(premiseId))
			.fetchOptional()
			.map((row) -> new MeterState(new MeterBaseline(row.getDeviceId(), row.getEpoch(),
					row.getBaselineEnergyKwh(), DbTime.instant(row.getBaselineObservedAt()),
					TariffKind.valueOf(row.getActiveTariff()), row.getEbPaisePerKwh(), row.getDgPaisePerKwh()),
					row.getFixedChargedThrough()));
	}

	/**
	 * Stores a premise's new state.
	 * @param premiseId the premise
	 * @param state the state
	 * @param now the time of the change
	 */
	public void save(String premiseId, MeterState state, Instant now) {
		MeterBaseline b = state.baseline();
		this.dsl.insertInto(METER_STATE)
			.set(METER_STATE.PREMISE_ID, premiseId)
			.set(METER_STATE.DEVICE_ID, b.deviceId())
			.set(METER_STATE.EPOCH, b.epoch())
			.set(METER_STATE.BASELINE_ENERGY_KWH, b.energyKwh())
			.set(METER_STATE.BASELINE_OBSERVED_AT, DbTime.utc(b.observedAt()))
			.set(METER_STATE.ACTIVE_TARIFF, b.activeTariff().name())
			.set(METER_STATE.EB_PAISE_PER_KWH, b.ebPaisePerKwh())
			.set(METER_STATE.DG_PAISE_PER_KWH, b.dgPaisePerKwh())
			.set(METER_STATE.FIXED_CHARGED_THROUGH, state.fixedChargedThrough())
			.set(METER_STATE.UPDATED_AT, DbTime.utc(now))
			.onConflict(METER_STATE.PREMISE_ID)
			.doUpdate()
			.set(METER_STATE.DEVICE_ID, b.deviceId())
			.set(METER_STATE.EPOCH, b.epoch())
			.set(METER_STATE.BASELINE_ENERGY_KWH, b.energyKwh())
			.set(METER_STATE.BASELINE_OBSERVED_AT, DbTime.utc(b.observedAt()))
			.set(METER_STATE.ACTIVE_TARIFF, b.activeTariff().name())
			.set(METER_STATE.EB_PAISE_PER_KWH, b.ebPaisePerKwh())
			.set(METER_STATE.DG_PAISE_PER_KWH, b.dgPaisePerKwh())
			.set(METER_STATE.FIXED_CHARGED_THROUGH, state.fixedChargedThrough())
			.set(METER_STATE.UPDATED_AT, DbTime.utc(now))
			.execute();
	}

	/**
	 * Records a billed interval.
	 * @param premiseId the premise
	 * @param reading the reading that closed the interval
	 * @param intervalStart when the interval started (the previous baseline)
	 * @param tariff the rate it was priced at
	 * @param energyMwh its energy
	 * @param amountPaise the debit it caused
	 * @param usageDate the IST day it is reported under
	 */
	public void recordConsumption(String premiseId, MeterReading reading, Instant intervalStart, PricedTariff tariff,
			long energyMwh, long amountPaise, LocalDate usageDate) {
		this.dsl.insertInto(CONSUMPTION)
			.set(CONSUMPTION.SNAPSHOT_EVENT_ID, reading.snapshotId())
			.set(CONSUMPTION.PREMISE_ID, premiseId)
			.set(CONSUMPTION.DEVICE_ID, reading.deviceId())
			.set(CONSUMPTION.EPOCH, reading.epoch())
			.set(CONSUMPTION.TARIFF_KIND, tariff.kind().name())
			.set(CONSUMPTION.RATE_PAISE_PER_KWH, tariff.ratePaisePerKwh())
			.set(CONSUMPTION.TARIFF_VERSION_ID, tariff.versionId())
			.set(CONSUMPTION.PRICING_SOURCE, tariff.source().name())
			.set(CONSUMPTION.ENERGY_MWH, energyMwh)
			.set(CONSUMPTION.AMOUNT_PAISE, amountPaise)
			.set(CONSUMPTION.INTERVAL_START, DbTime.utc(intervalStart))
			.set(CONSUMPTION.INTERVAL_END, DbTime.utc(reading.observedAt()))
			.set(CONSUMPTION.USAGE_DATE, usageDate)
			.execute();
	}

	/**
	 * Records a quarantined reading.
	 * @param premiseId the premise
	 * @param reading the reading
	 * @param baseline the baseline billing continues from
	 * @param reason why
	 * @param detail the explanation
	 * @param now when it was detected
	 */
	public void quarantine(String premiseId, MeterReading reading, MeterBaseline baseline, QuarantineReason reason,
			String detail, Instant now) {
		this.dsl.insertInto(QUARANTINED_READING)
			.set(QUARANTINED_READING.SNAPSHOT_EVENT_ID, reading.snapshotId())
			.set(QUARANTINED_READING.PREMISE_ID, premiseId)
			.set(QUARANTINED_READING.DEVICE_ID, reading.deviceId())
			.set(QUARANTINED_READING.EPOCH, reading.epoch())
			.set(QUARANTINED_READING.ENERGY_KWH, reading.energyKwh())
			.set(QUARANTINED_READING.BASELINE_ENERGY_KWH, baseline.energyKwh())
			.set(QUARANTINED_READING.BASELINE_OBSERVED_AT, DbTime.utc(baseline.observedAt()))
			.set(QUARANTINED_READING.OBSERVED_AT, DbTime.utc(reading.observedAt()))
			.set(QUARANTINED_READING.REASON, reason.code())
			.set(QUARANTINED_READING.DETAIL, detail)
			.set(QUARANTINED_READING.STATUS, "OPEN")
			.set(QUARANTINED_READING.DETECTED_AT, DbTime.utc(now))
			.execute();
	}

	/**
	 * @param limit the most rows to return
	 * @return the open quarantined readings, newest first
	 */
	public List<QuarantinedReading> openQuarantine(int limit) {
		return this.dsl.selectFrom(QUARANTINED_READING)
			.where(QUARANTINED_READING.STATUS.eq("OPEN"))
			.orderBy(QUARANTINED_READING.QUARANTINE_ID.desc())
			.limit(limit)
			.fetch((row) -> new QuarantinedReading(row.getQuarantineId(), row.getSnapshotEventId(), row.getPremiseId(),
					row.getDeviceId(), row.getEpoch(), row.getEnergyKwh(), row.getBaselineEnergyKwh(),
					DbTime.instant(row.getBaselineObservedAt()), DbTime.instant(row.getObservedAt()), row.getReason(),
					row.getDetail(), DbTime.instant(row.getDetectedAt())));
	}

	/**
	 * The energy and charges of a premise per IST day and supply.
	 * @param premiseId the premise
	 * @param from the first day
	 * @param to the last day, inclusive
	 * @return one row per day and supply with any consumption, oldest first
	 */
	public List<DailyUsageRow> dailyUsage(String premiseId, LocalDate from, LocalDate to) {
		var energy = DSL.sum(CONSUMPTION.ENERGY_MWH);
		var amount = DSL.sum(CONSUMPTION.AMOUNT_PAISE);
		return this.dsl.select(CONSUMPTION.USAGE_DATE, CONSUMPTION.TARIFF_KIND, energy, amount)
			.from(CONSUMPTION)
			.where(CONSUMPTION.PREMISE_ID.eq(premiseId))
			.and(CONSUMPTION.USAGE_DATE.between(from, to))
			.groupBy(CONSUMPTION.USAGE_DATE, CONSUMPTION.TARIFF_KIND)
			.orderBy(CONSUMPTION.USAGE_DATE, CONSUMPTION.TARIFF_KIND)
			.fetch((Record row) -> new DailyUsageRow(row.get(CONSUMPTION.USAGE_DATE),
					TariffKind.valueOf(row.get(CONSUMPTION.TARIFF_KIND)), row.get(energy).longValueExact(),
					row.get(amount).longValueExact()));
	}

	/**
	 * A premise's metering state.
	 *
	 * @param baseline the last good reading
	 * @param fixedChargedThrough the last IST day the fixed charge was charged for, or
	 * {@code null}
	 */
	public record MeterState(MeterBaseline baseline, LocalDate fixedChargedThrough) {
	}

	/**
	 * One day's consumption of one supply.
	 *
	 * @param date the IST day
	 * @param kind the supply
	 * @param energyMwh the energy
	 * @param amountPaise what it was charged
	 */
	public record DailyUsageRow(LocalDate date, TariffKind kind, long energyMwh, long amountPaise) {
	}

	/**
	 * A reading that was not billed.
	 *
	 * @param id the row's id
	 * @param snapshotEventId the snapshot that carried it
	 * @param premiseId the premise
	 * @param deviceId the device
	 * @param epoch the claimed epoch
	 * @param energyKwh the refused register value
	 * @param baselineEnergyKwh the baseline billing continues from
	 * @param baselineObservedAt when the baseline was read
	 * @param observedAt when the refused reading was taken
	 * @param reason the reason code
	 * @param detail the explanation
	 * @param detectedAt when it was quarantined
	 */
	public record QuarantinedReading(long id, UUID snapshotEventId, String premiseId, String deviceId, int epoch,
			BigDecimal energyKwh, BigDecimal baselineEnergyKwh, Instant baselineObservedAt, Instant observedAt,
			String reason, String detail, Instant detectedAt) {
	}

}
