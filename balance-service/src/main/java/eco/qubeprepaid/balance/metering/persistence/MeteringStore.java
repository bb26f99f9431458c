package eco.qubeprepaid.balance.metering.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.jooq.tables.records.QuarantinedReadingRecord;
import eco.qubeprepaid.service.persistence.DbTime;
import eco.qubeprepaid.balance.metering.domain.MeterBaseline;
import eco.qubeprepaid.balance.metering.domain.MeterReading;
import eco.qubeprepaid.balance.metering.domain.MeterSuspect;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.QuarantineReason;
import eco.qubeprepaid.balance.pricing.domain.PricedTariff;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.balance.metering.domain.Resolution;
import eco.qubeprepaid.balance.metering.domain.QuarantinedReading;
import eco.qubeprepaid.balance.metering.domain.QuarantineStatus;
import eco.qubeprepaid.balance.metering.domain.Quarantine;
import eco.qubeprepaid.balance.metering.domain.MeterState;
import eco.qubeprepaid.balance.metering.domain.HeldReading;
import eco.qubeprepaid.balance.metering.domain.DailyUsageRow;
import eco.qubeprepaid.balance.metering.domain.BilledInterval;
import eco.qubeprepaid.balance.metering.application.MeteringRepository;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.balance.jooq.Tables.CONSUMPTION;
import static eco.qubeprepaid.balance.jooq.Tables.METER_STATE;
import static eco.qubeprepaid.balance.jooq.Tables.QUARANTINED_READING;

/**
 * Metering's tables through jOOQ: each premise's baseline, the billed intervals and the
 * quarantined readings with their resolutions.
 */
@Repository
public class MeteringStore implements MeteringRepository {

	private final DSLContext dsl;

	public MeteringStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * @param premiseIds premises
	 * @return the meter state of each that has been read before, by premise
	 */
	@Override
	public Map<String, MeterState> load(Collection<String> premiseIds) {
		Map<String, MeterState> states = new HashMap<>();
		this.dsl.selectFrom(METER_STATE)
			.where(METER_STATE.PREMISE_ID.in(premiseIds))
			.forEach(
					(row) -> states.put(row.getPremiseId(), new MeterState(
							new MeterBaseline(row.getDeviceId(), row.getEpoch(), row.getBaselineEnergyKwh(),
									DbTime.instant(row.getBaselineObservedAt()), TariffKind.valueOf(
											row.getActiveTariff()),
									row.getEbPaisePerKwh(), row.getDgPaisePerKwh()),
							row.getFixedChargedThrough(),
							(row.getSuspectSnapshotId() != null)
									? new MeterSuspect(row.getSuspectSnapshotId(), row.getSuspectDeviceId(),
											row.getSuspectEnergyKwh(), DbTime.instant(row.getSuspectObservedAt()))
									: null)));
		return states;
	}

	/**
	 * Stores premises' new states, one statement for all.
	 * @param states the states by premise
	 * @param now the time of the change
	 */
	@Override
	public void save(Map<String, MeterState> states, Instant now) {
		if (states.isEmpty()) {
			return;
		}
		BatchBindStep batch = this.dsl.batch(this.dsl
			.insertInto(METER_STATE, METER_STATE.PREMISE_ID, METER_STATE.DEVICE_ID, METER_STATE.EPOCH,
					METER_STATE.BASELINE_ENERGY_KWH, METER_STATE.BASELINE_OBSERVED_AT, METER_STATE.ACTIVE_TARIFF,
					METER_STATE.EB_PAISE_PER_KWH, METER_STATE.DG_PAISE_PER_KWH, METER_STATE.FIXED_CHARGED_THROUGH,
					METER_STATE.SUSPECT_SNAPSHOT_ID, METER_STATE.SUSPECT_DEVICE_ID, METER_STATE.SUSPECT_ENERGY_KWH,
					METER_STATE.SUSPECT_OBSERVED_AT, METER_STATE.UPDATED_AT)
			.values((String) null, null, null, null, null, null, null, null, null, null, null, null, null, null)
			.onConflict(METER_STATE.PREMISE_ID)
			.doUpdate()
			.set(METER_STATE.DEVICE_ID, DSL.excluded(METER_STATE.DEVICE_ID))
			.set(METER_STATE.EPOCH, DSL.excluded(METER_STATE.EPOCH))
			.set(METER_STATE.BASELINE_ENERGY_KWH, DSL.excluded(METER_STATE.BASELINE_ENERGY_KWH))
			.set(METER_STATE.BASELINE_OBSERVED_AT, DSL.excluded(METER_STATE.BASELINE_OBSERVED_AT))
			.set(METER_STATE.ACTIVE_TARIFF, DSL.excluded(METER_STATE.ACTIVE_TARIFF))
			.set(METER_STATE.EB_PAISE_PER_KWH, DSL.excluded(METER_STATE.EB_PAISE_PER_KWH))
			.set(METER_STATE.DG_PAISE_PER_KWH, DSL.excluded(METER_STATE.DG_PAISE_PER_KWH))
			.set(METER_STATE.FIXED_CHARGED_THROUGH, DSL.excluded(METER_STATE.FIXED_CHARGED_THROUGH))
			.set(METER_STATE.SUSPECT_SNAPSHOT_ID, DSL.excluded(METER_STATE.SUSPECT_SNAPSHOT_ID))
			.set(METER_STATE.SUSPECT_DEVICE_ID, DSL.excluded(METER_STATE.SUSPECT_DEVICE_ID))
			.set(METER_STATE.SUSPECT_ENERGY_KWH, DSL.excluded(METER_STATE.SUSPECT_ENERGY_KWH))
			.set(METER_STATE.SUSPECT_OBSERVED_AT, DSL.excluded(METER_STATE.SUSPECT_OBSERVED_AT))
			.set(METER_STATE.UPDATED_AT, DSL.excluded(METER_STATE.UPDATED_AT)));
		states.forEach((premiseId, state) -> {
			MeterBaseline b = state.baseline();
			MeterSuspect suspect = state.suspect();
			batch.bind(premiseId, b.deviceId(), b.epoch(), b.energyKwh(), DbTime.utc(b.observedAt()),
					b.activeTariff().name(), b.ebPaisePerKwh(), b.dgPaisePerKwh(), state.fixedChargedThrough(),
					(suspect != null) ? suspect.snapshotId() : null, (suspect != null) ? suspect.deviceId() : null,
					(suspect != null) ? suspect.energyKwh() : null,
					(suspect != null) ? DbTime.utc(suspect.observedAt()) : null, DbTime.utc(now));
		});
		batch.execute();
	}

	/**
	 * Records billed intervals, one statement for all.
	 * @param intervals the intervals
	 */
	@Override
	public void recordConsumption(List<BilledInterval> intervals) {
		if (intervals.isEmpty()) {
			return;
		}
		BatchBindStep batch = this.dsl.batch(this.dsl
			.insertInto(CONSUMPTION, CONSUMPTION.SNAPSHOT_EVENT_ID, CONSUMPTION.PREMISE_ID, CONSUMPTION.DEVICE_ID,
					CONSUMPTION.EPOCH, CONSUMPTION.TARIFF_KIND, CONSUMPTION.RATE_PAISE_PER_KWH,
					CONSUMPTION.TARIFF_VERSION_ID, CONSUMPTION.PRICING_SOURCE, CONSUMPTION.ENERGY_MWH,
					CONSUMPTION.AMOUNT_PAISE, CONSUMPTION.INTERVAL_START, CONSUMPTION.INTERVAL_END,
					CONSUMPTION.USAGE_DATE)
			.values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null));
		for (BilledInterval i : intervals) {
			MeterReading reading = i.reading();
			batch.bind(reading.snapshotId(), i.premiseId(), reading.deviceId(), reading.epoch(),
					i.tariff().kind().name(), i.tariff().ratePaisePerKwh(), i.tariff().versionId(),
					i.tariff().source().name(), i.energyMwh(), i.amountPaise(), DbTime.utc(i.intervalStart()),
					DbTime.utc(reading.observedAt()), i.usageDate());
		}
		batch.execute();
	}

	/**
	 * Records quarantined readings, one statement for all.
	 * @param readings the readings
	 */
	@Override
	public void quarantine(List<Quarantine> readings) {
		if (readings.isEmpty()) {
			return;
		}
		BatchBindStep batch = this.dsl.batch(this.dsl
			.insertInto(QUARANTINED_READING, QUARANTINED_READING.SNAPSHOT_EVENT_ID, QUARANTINED_READING.PREMISE_ID,
					QUARANTINED_READING.DEVICE_ID, QUARANTINED_READING.EPOCH, QUARANTINED_READING.ENERGY_KWH,
					QUARANTINED_READING.BASELINE_ENERGY_KWH, QUARANTINED_READING.BASELINE_OBSERVED_AT,
					QUARANTINED_READING.OBSERVED_AT, QUARANTINED_READING.REASON, QUARANTINED_READING.DETAIL,
					QUARANTINED_READING.STATUS, QUARANTINED_READING.DETECTED_AT)
			.values((UUID) null, null, null, null, null, null, null, null, null, null, null, null));
		for (Quarantine q : readings) {
			MeterReading reading = q.reading();
			batch.bind(reading.snapshotId(), q.premiseId(), reading.deviceId(), reading.epoch(), reading.energyKwh(),
					q.baseline().energyKwh(), DbTime.utc(q.baseline().observedAt()), DbTime.utc(reading.observedAt()),
					q.reason().code(), q.detail(), QuarantineStatus.OPEN.name(), DbTime.utc(q.detectedAt()));
		}
		batch.execute();
	}

	/**
	 * Counts readings held with their quarantined reading, one statement for all.
	 * @param held the readings, each with the quarantined snapshot it follows
	 */
	@Override
	public void hold(List<HeldReading> held) {
		if (held.isEmpty()) {
			return;
		}
		BatchBindStep batch = this.dsl.batch(this.dsl.update(QUARANTINED_READING)
			.set(QUARANTINED_READING.HELD_READINGS, QUARANTINED_READING.HELD_READINGS.plus(DSL.inline(1)))
			.set(QUARANTINED_READING.LAST_HELD_ENERGY_KWH, (BigDecimal) null)
			.set(QUARANTINED_READING.LAST_HELD_OBSERVED_AT, (java.time.OffsetDateTime) null)
			.where(QUARANTINED_READING.SNAPSHOT_EVENT_ID.eq((UUID) null)));
		for (HeldReading h : held) {
			batch.bind(h.reading().energyKwh(), DbTime.utc(h.reading().observedAt()), h.suspectSnapshotId());
		}
		batch.execute();
	}

	/**
	 * Ends a premise's hold on an unresolved reading once an operator resolved it.
	 * @param premiseId the premise
	 * @param snapshotId the resolved reading's snapshot
	 * @param now the time of the change
	 */
	@Override
	public void clearSuspect(String premiseId, UUID snapshotId, Instant now) {
		this.dsl.update(METER_STATE)
			.setNull(METER_STATE.SUSPECT_SNAPSHOT_ID)
			.setNull(METER_STATE.SUSPECT_DEVICE_ID)
			.setNull(METER_STATE.SUSPECT_ENERGY_KWH)
			.setNull(METER_STATE.SUSPECT_OBSERVED_AT)
			.set(METER_STATE.UPDATED_AT, DbTime.utc(now))
			.where(METER_STATE.PREMISE_ID.eq(premiseId))
			.and(METER_STATE.SUSPECT_SNAPSHOT_ID.eq(snapshotId))
			.execute();
	}

	/**
	 * @param limit the most rows to return
	 * @return the open quarantined readings, newest first
	 */
	@Override
	public List<QuarantinedReading> openQuarantine(int limit) {
		return this.dsl.selectFrom(QUARANTINED_READING)
			.where(QUARANTINED_READING.STATUS.eq(QuarantineStatus.OPEN.name()))
			.orderBy(QUARANTINED_READING.QUARANTINE_ID.desc())
			.limit(limit)
			.fetch(MeteringStore::quarantinedReading);
	}

	/**
	 * @param id a quarantined reading's id
	 * @return the row, open or resolved
	 */
	@Override
	public Optional<QuarantinedReading> quarantined(long id) {
		return this.dsl.selectFrom(QUARANTINED_READING)
			.where(QUARANTINED_READING.QUARANTINE_ID.eq(id))
			.fetchOptional(MeteringStore::quarantinedReading);
	}

	/**
	 * Resolves a quarantined reading if it is still open. The status condition is in the
	 * statement, so of two transactions resolving the same row only one changes it.
	 * @param id the row's id
	 * @param resolution the operator's decision
	 * @param operator who decided
	 * @param note why, or {@code null}
	 * @param at when
	 * @return whether the row was open and is resolved now
	 */
	@Override
	public boolean resolve(long id, Resolution resolution, String operator, String note, Instant at) {
		return this.dsl.update(QUARANTINED_READING)
			.set(QUARANTINED_READING.STATUS, QuarantineStatus.RESOLVED.name())
			.set(QUARANTINED_READING.RESOLUTION, resolution.name())
			.set(QUARANTINED_READING.RESOLVED_BY, operator)
			.set(QUARANTINED_READING.RESOLVED_AT, DbTime.utc(at))
			.set(QUARANTINED_READING.NOTE, note)
			.where(QUARANTINED_READING.QUARANTINE_ID.eq(id))
			.and(QUARANTINED_READING.STATUS.eq(QuarantineStatus.OPEN.name()))
			.execute() == 1;
	}

	/**
	 * Makes a quarantined reading the premise's baseline (device, epoch, register and
	 * time), keeping the supply and meter rates in force and the last day charged the
	 * fixed charge, provided the reading is newer than the current baseline.
	 * @param reading the reading
	 * @param now the time of the change
	 * @return whether the baseline moved ({@code false} if the premise has no baseline or
	 * a baseline at or after the reading)
	 */
	@Override
	public boolean rebaseline(QuarantinedReading reading, Instant now) {
		return this.dsl.update(METER_STATE)
			.set(METER_STATE.DEVICE_ID, reading.deviceId())
			.set(METER_STATE.EPOCH, reading.epoch())
			.set(METER_STATE.BASELINE_ENERGY_KWH, reading.energyKwh())
			.set(METER_STATE.BASELINE_OBSERVED_AT, DbTime.utc(reading.observedAt()))
			.set(METER_STATE.UPDATED_AT, DbTime.utc(now))
			.where(METER_STATE.PREMISE_ID.eq(reading.premiseId()))
			.and(METER_STATE.BASELINE_OBSERVED_AT.lt(DbTime.utc(reading.observedAt())))
			.execute() == 1;
	}

	private static QuarantinedReading quarantinedReading(QuarantinedReadingRecord row) {
		return new QuarantinedReading(row.getQuarantineId(), row.getSnapshotEventId(), row.getPremiseId(),
				row.getDeviceId(), row.getEpoch(), row.getEnergyKwh(), row.getBaselineEnergyKwh(),
				DbTime.instant(row.getBaselineObservedAt()), DbTime.instant(row.getObservedAt()), row.getReason(),
				row.getDetail(), DbTime.instant(row.getDetectedAt()), QuarantineStatus.valueOf(row.getStatus()),
				(row.getResolution() != null) ? Resolution.valueOf(row.getResolution()) : null, row.getResolvedBy(),
				DbTime.instant(row.getResolvedAt()), row.getNote(), row.getHeldReadings(), row.getLastHeldEnergyKwh(),
				DbTime.instant(row.getLastHeldObservedAt()));
	}

	/**
	 * The energy and charges of a premise per IST day and supply.
	 * @param premiseId the premise
	 * @param from the first day
	 * @param to the last day, inclusive
	 * @return one row per day and supply with any consumption, oldest first
	 */
	@Override
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

}
