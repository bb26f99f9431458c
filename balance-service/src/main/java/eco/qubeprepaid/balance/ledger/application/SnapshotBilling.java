package eco.qubeprepaid.balance.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceProperties;
import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.persistence.LedgerStore;
import eco.qubeprepaid.balance.ledger.persistence.OutboxStore;
import eco.qubeprepaid.balance.metering.domain.MeterBaseline;
import eco.qubeprepaid.balance.metering.domain.MeterReading;
import eco.qubeprepaid.balance.metering.domain.Metering;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.QuarantineReason;
import eco.qubeprepaid.balance.metering.persistence.MeteringStore;
import eco.qubeprepaid.balance.metering.persistence.MeteringStore.MeterState;
import eco.qubeprepaid.balance.pricing.domain.Energy;
import eco.qubeprepaid.balance.pricing.domain.FixedDailyCharges;
import eco.qubeprepaid.balance.pricing.domain.PricedTariff;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.pricing.domain.TariffBook;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;
import eco.qubeprepaid.balance.pricing.persistence.TariffStore;
import eco.qubeprepaid.events.BalanceDebited;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.FixedChargeDebited;
import eco.qubeprepaid.events.ReadingQuarantined;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one meter snapshot to the ledger in one database transaction: the consumed
 * event's id, the new baseline, the priced interval, the ledger posting, the segment
 * totals, any fixed daily charges and the outbox rows of the events all commit together
 * or not at all.
 */
@Service
public class SnapshotBilling {

	/** Calendar days are Indian days (the tenant's and the DISCOM's). */
	public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	private final Metering metering;

	private final LedgerStore ledger;

	private final MeteringStore meters;

	private final TariffStore tariffs;

	private final OutboxStore outbox;

	private final LedgerMetrics metrics;

	private final BalanceProperties properties;

	private final Clock clock;

	private final List<LedgerObserver> observers;

	public SnapshotBilling(Metering metering, LedgerStore ledger, MeteringStore meters, TariffStore tariffs,
			OutboxStore outbox, LedgerMetrics metrics, BalanceProperties properties, Clock clock,
			List<LedgerObserver> observers) {
		this.observers = List.copyOf(observers);
		this.metering = metering;
		this.ledger = ledger;
		this.meters = meters;
		this.tariffs = tariffs;
		this.outbox = outbox;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Applies a snapshot, once per event id.
	 * @param snapshot the snapshot
	 * @return what it did
	 */
	@Transactional
	public SnapshotOutcome apply(DeviceSnapshotted snapshot) {
		SnapshotOutcome outcome = applyOnce(snapshot);
		if (outcome != SnapshotOutcome.DUPLICATE) {
			this.observers.forEach((observer) -> observer.snapshotApplied(snapshot, outcome));
		}
		this.metrics.snapshotApplied(outcome);
		return outcome;
	}

	private SnapshotOutcome applyOnce(DeviceSnapshotted snapshot) {
		if (!this.ledger.markProcessed(snapshot.eventId(), EventType.DEVICE_SNAPSHOTTED.token())) {
			return SnapshotOutcome.DUPLICATE;
		}
		String premiseId = snapshot.premiseId();
		this.ledger.lockWallet(premiseId);
		Optional<MeterState> state = this.meters.load(premiseId);
		MeterBaseline baseline = state.map(MeterState::baseline).orElse(null);
		LocalDate chargedThrough = state.map(MeterState::fixedChargedThrough).orElse(null);
		MeterReading reading = reading(snapshot);
		ReadingAssessment assessment = this.metering.assess(baseline, reading);
		// Java 17 has no pattern matching for switch, hence the instanceof chain.
		if (assessment instanceof ReadingAssessment.Quarantined quarantined) {
			return quarantine(premiseId, reading, baseline, quarantined.reason(), quarantined.detail());
		}
		if (assessment instanceof ReadingAssessment.Baseline first) {
			advance(premiseId, first.next(), chargedThrough, this.tariffs.book(premiseId));
			return SnapshotOutcome.BASELINE;
		}
		if (assessment instanceof ReadingAssessment.Billable billable) {
			return bill(premiseId, reading, baseline, billable, chargedThrough);
		}
		return SnapshotOutcome.STALE;
	}

	private SnapshotOutcome bill(String premiseId, MeterReading reading, MeterBaseline baseline,
			ReadingAssessment.Billable billable, LocalDate chargedThrough) {
		TariffBook book = this.tariffs.book(premiseId);
		// The interval's energy is priced at the supply and rates in force at its start
		// (ADR 0004): the previous reading's active tariff and the version effective
		// then.
		Optional<PricedTariff> priced = PricedTariff.forInterval(book, premiseId, baseline.observedAt(),
				baseline.activeTariff(), baseline.reportedRate(baseline.activeTariff()));
		if (priced.isEmpty()) {
			return quarantine(premiseId, reading, baseline, QuarantineReason.NO_TARIFF,
					"no tariff is configured and the meter reported no " + baseline.activeTariff() + " rate");
		}
		PricedTariff tariff = priced.get();
		long energyMwh = Energy.toMilliWattHours(billable.energyKwh());
		SegmentTotals.Charge charge = this.tariffs.segment(premiseId, tariff).add(energyMwh, tariff.ratePaisePerKwh());
		this.tariffs.saveSegment(premiseId, tariff, charge.after());
		this.meters.recordConsumption(premiseId, reading, baseline.observedAt(), tariff, energyMwh, charge.debitPaise(),
				istDate(reading.observedAt()));
		if (charge.debitPaise() > 0) {
			this.ledger.post(LedgerPosting.energy(premiseId, reading.snapshotId().toString(), tariff.kind(),
					charge.debitPaise(), describe(billable, tariff), reading.observedAt()));
			this.metrics.debited(tariff.kind().name().toLowerCase(Locale.ROOT), charge.debitPaise());
		}
		if (energyMwh > 0) {
			this.outbox.append(new BalanceDebited(UUID.randomUUID(), this.clock.instant(), premiseId,
					reading.snapshotId(), Energy.toKwh(energyMwh), tariff.kind(), tariff.ratePaisePerKwh(),
					charge.debitPaise(), this.ledger.walletBalancePaise(premiseId)));
		}
		advance(premiseId, billable.next(), chargedThrough, book);
		return SnapshotOutcome.BILLED;
	}

	private static String describe(ReadingAssessment.Billable billable, PricedTariff tariff) {
		String change = switch (billable.change()) {
			case NONE -> "";
			case REPLACEMENT -> " (new meter, from 0)";
			case RESET_REPORTED, RESET_DETECTED -> " (register reset, from 0)";
		};
		return tariff.kind() + " energy " + billable.energyKwh().toPlainString() + " kWh at " + tariff.ratePaisePerKwh()
				+ " paise/kWh" + change;
	}

	/** Moves the baseline and charges the fixed daily charge for each day now owed. */
	private void advance(String premiseId, MeterBaseline next, LocalDate chargedThrough, TariffBook book) {
		LocalDate today = istDate(next.observedAt());
		LocalDate through = chargedThrough;
		if (through == null || today.isAfter(through)) {
			for (LocalDate day : FixedDailyCharges.owed(chargedThrough, today)) {
				chargeFixed(premiseId, day, book);
			}
			through = today;
		}
		this.meters.save(premiseId, new MeterState(next, through), this.clock.instant());
	}

	private void chargeFixed(String premiseId, LocalDate day, TariffBook book) {
		Instant startOfDay = day.atStartOfDay(IST).toInstant();
		long amount = book.inForce(premiseId, startOfDay)
			.map(TariffVersion::fixedDailyPaise)
			.orElse(this.properties.defaultFixedDailyPaise());
		if (amount > 0 && this.ledger.post(LedgerPosting.fixedCharge(premiseId, day, amount, startOfDay))) {
			this.metrics.debited("fixed", amount);
			this.outbox.append(new FixedChargeDebited(UUID.randomUUID(), this.clock.instant(), premiseId, day, amount,
					this.ledger.walletBalancePaise(premiseId)));
		}
	}

	private SnapshotOutcome quarantine(String premiseId, MeterReading reading, MeterBaseline baseline,
			QuarantineReason reason, String detail) {
		Instant now = this.clock.instant();
		this.meters.quarantine(premiseId, reading, baseline, reason, detail, now);
		this.outbox.append(new ReadingQuarantined(UUID.randomUUID(), now, premiseId, reading.snapshotId(),
				reading.deviceId(), reading.epoch(), reading.energyKwh(), baseline.energyKwh(), reason.code(), detail,
				reading.observedAt().atZone(IST).toOffsetDateTime()));
		return SnapshotOutcome.QUARANTINED;
	}

	private static MeterReading reading(DeviceSnapshotted s) {
		return new MeterReading(s.eventId(), s.deviceId(), s.epoch(), s.online(), s.energyKwh(),
				s.observedAt().toInstant(), s.activeTariff(), s.ebTariffPaisePerKwh(), s.dgTariffPaisePerKwh());
	}

	private static LocalDate istDate(Instant instant) {
		return instant.atZone(IST).toLocalDate();
	}

}
