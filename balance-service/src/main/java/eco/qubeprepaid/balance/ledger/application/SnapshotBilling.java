package eco.qubeprepaid.balance.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eco.qubeprepaid.balance.BalanceProperties;
import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.domain.Onboarding;
import eco.qubeprepaid.balance.metering.domain.MeterBaseline;
import eco.qubeprepaid.balance.metering.domain.MeterReading;
import eco.qubeprepaid.balance.metering.domain.MeterSuspect;
import eco.qubeprepaid.balance.metering.domain.Metering;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment;
import eco.qubeprepaid.balance.metering.domain.ReadingAssessment.QuarantineReason;
import eco.qubeprepaid.balance.pricing.domain.Energy;
import eco.qubeprepaid.balance.pricing.domain.FixedDailyCharges;
import eco.qubeprepaid.balance.pricing.domain.PricedTariff;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.pricing.domain.TariffBook;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;
import eco.qubeprepaid.balance.metering.application.MeterStates;
import eco.qubeprepaid.balance.pricing.application.Segments;
import eco.qubeprepaid.balance.pricing.application.TariffRepository;
import eco.qubeprepaid.balance.work.ProcessedEvents;
import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.balance.work.UnitsOfWork;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceDebited;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.FixedChargeDebited;
import eco.qubeprepaid.events.ReadingQuarantined;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.balance.pricing.domain.SegmentKey;
import eco.qubeprepaid.balance.metering.domain.Quarantine;
import eco.qubeprepaid.balance.metering.domain.MeterState;
import eco.qubeprepaid.balance.metering.domain.HeldReading;
import eco.qubeprepaid.balance.metering.domain.BilledInterval;
import eco.qubeprepaid.service.time.Ist;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies meter snapshots to the ledger, a batch in one database transaction: the
 * consumed events' ids, the new baselines, the priced intervals, the ledger postings, the
 * segment totals, any fixed daily charges, the policy's decisions and the outbox rows of
 * the events all commit together or not at all. Each snapshot is applied in order, as if
 * alone, to a {@link UnitOfWork} that holds the batch's premises locked: the ledger's
 * part ({@link Wallets}), metering's ({@link MeterStates}) and pricing's
 * ({@link Segments}) are changed here, and every subscriber of {@link SnapshotApplied}
 * (the policy) adds its own in the same transaction.
 */
@Service
public class SnapshotBilling {

	private final Metering metering;

	private final ProcessedEvents processed;

	private final UnitsOfWork units;

	private final TariffRepository tariffs;

	private final LedgerMetrics metrics;

	private final BalanceProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher notifications;

	private final OnboardingRules onboarding;

	public SnapshotBilling(Metering metering, ProcessedEvents processed, UnitsOfWork units, TariffRepository tariffs,
			LedgerMetrics metrics, BalanceProperties properties, Clock clock, ApplicationEventPublisher notifications,
			OnboardingRules onboarding) {
		this.notifications = notifications;
		this.onboarding = onboarding;
		this.metering = metering;
		this.processed = processed;
		this.units = units;
		this.tariffs = tariffs;
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
		return apply(List.of(snapshot)).get(0);
	}

	/**
	 * Applies snapshots in order, each once per event id, in one transaction.
	 * @param snapshots the snapshots (a premise's in the order they were read)
	 * @return what each did, in the same order
	 */
	@Transactional
	public List<SnapshotOutcome> apply(List<DeviceSnapshotted> snapshots) {
		Set<UUID> fresh = new HashSet<>(this.processed.markProcessed(
				snapshots.stream().map(DeviceSnapshotted::eventId).toList(), EventType.DEVICE_SNAPSHOTTED.token()));
		List<DeviceSnapshotted> todo = new ArrayList<>();
		for (DeviceSnapshotted snapshot : snapshots) {
			// Removing the id keeps a second copy of it in the batch out.
			if (fresh.remove(snapshot.eventId())) {
				todo.add(snapshot);
			}
		}
		Map<UUID, SnapshotOutcome> applied = new HashMap<>();
		if (!todo.isEmpty()) {
			UnitOfWork work = this.units.open(todo.stream().map(DeviceSnapshotted::premiseId).toList());
			prefetch(work, todo);
			for (DeviceSnapshotted snapshot : todo) {
				Applied result = applyOnce(work, snapshot);
				this.notifications.publishEvent(new SnapshotApplied(work, snapshot, result.outcome(), result.billed()));
				applied.put(snapshot.eventId(), result.outcome());
			}
			this.units.flush(work);
		}
		List<SnapshotOutcome> outcomes = new ArrayList<>(snapshots.size());
		for (DeviceSnapshotted snapshot : snapshots) {
			// A second copy of an event in the same batch is a duplicate like any other.
			SnapshotOutcome outcome = applied.remove(snapshot.eventId());
			outcomes.add((outcome != null) ? outcome : SnapshotOutcome.DUPLICATE);
		}
		outcomes.forEach(this.metrics::snapshotApplied);
		return outcomes;
	}

	/**
	 * Reads up front, in one round trip each, the segment totals and the fixed-charge
	 * postings the batch will most likely touch: those priced from the premise's stored
	 * baseline or from any of its snapshots, and the fixed charges of the days up to its
	 * newest snapshot. A segment not foreseen is still read when needed.
	 */
	private void prefetch(UnitOfWork work, List<DeviceSnapshotted> todo) {
		Map<String, List<DeviceSnapshotted>> byPremise = new LinkedHashMap<>();
		todo.forEach((s) -> byPremise.computeIfAbsent(s.premiseId(), (premise) -> new ArrayList<>()).add(s));
		Set<SegmentKey> segments = new HashSet<>();
		Set<String> fixedCharges = new HashSet<>();
		byPremise.forEach((premiseId, snapshots) -> {
			TariffBook book = this.tariffs.book(premiseId);
			Optional<MeterState> state = work.part(MeterStates.class).meterState(premiseId);
			state.map(MeterState::baseline)
				.flatMap((b) -> PricedTariff.forInterval(book, premiseId, b.observedAt(), b.activeTariff(),
						b.reportedRate(b.activeTariff())))
				.ifPresent((tariff) -> segments.add(new SegmentKey(premiseId, tariff)));
			LocalDate first = null;
			LocalDate last = null;
			for (DeviceSnapshotted s : snapshots) {
				Long rate = (s.activeTariff() == TariffKind.DG) ? s.dgTariffPaisePerKwh() : s.ebTariffPaisePerKwh();
				PricedTariff.forInterval(book, premiseId, s.observedAt().toInstant(), s.activeTariff(), rate)
					.ifPresent((tariff) -> segments.add(new SegmentKey(premiseId, tariff)));
				LocalDate day = istDate(s.observedAt().toInstant());
				first = (first == null || day.isBefore(first)) ? day : first;
				last = (last == null || day.isAfter(last)) ? day : last;
			}
			LocalDate chargedThrough = state.map(MeterState::fixedChargedThrough).orElse(first.minusDays(1));
			FixedDailyCharges.owed(chargedThrough, last)
				.forEach((day) -> fixedCharges.add(LedgerPosting.fixedChargeKey(premiseId, day)));
		});
		work.part(Segments.class).read(segments);
		work.part(Wallets.class).checkPostingKeys(fixedCharges);
	}

	private Applied applyOnce(UnitOfWork work, DeviceSnapshotted snapshot) {
		String premiseId = snapshot.premiseId();
		MeterReading reading = reading(snapshot);
		if (reading.observedAt().isAfter(this.clock.instant().plus(this.properties.maxClockSkew()))) {
			// A clock far ahead would make every later reading look old and stop billing.
			return new Applied(SnapshotOutcome.FUTURE, null);
		}
		MeterStates meters = work.part(MeterStates.class);
		Optional<MeterState> state = meters.meterState(premiseId);
		MeterBaseline baseline = state.map(MeterState::baseline).orElse(null);
		LocalDate chargedThrough = state.map(MeterState::fixedChargedThrough).orElse(null);
		MeterSuspect suspect = state.map(MeterState::suspect).orElse(null);
		ReadingAssessment assessment = this.metering.assess(baseline, suspect, reading);
		// Java 17 has no pattern matching for switch, hence the instanceof chain.
		if (assessment instanceof ReadingAssessment.Held held) {
			meters.hold(new HeldReading(held.suspectSnapshotId(), reading));
			return new Applied(SnapshotOutcome.HELD, null);
		}
		if (assessment instanceof ReadingAssessment.Quarantined quarantined) {
			// Until an operator resolves it, readings that continue from it are held.
			meters.save(premiseId, new MeterState(baseline, chargedThrough, MeterSuspect.of(reading)));
			return new Applied(
					quarantine(work, premiseId, reading, baseline, quarantined.reason(), quarantined.detail()), null);
		}
		if (assessment instanceof ReadingAssessment.Baseline first) {
			onboard(work, snapshot);
			advance(work, premiseId, first.next(), chargedThrough, this.tariffs.book(premiseId));
			return new Applied(SnapshotOutcome.BASELINE, null);
		}
		if (assessment instanceof ReadingAssessment.Billable billable) {
			return bill(work, premiseId, reading, baseline, billable, chargedThrough);
		}
		return new Applied(SnapshotOutcome.STALE, null);
	}

	/**
	 * Opens the wallet of a premise seen for the first time with the balance its meter
	 * holds (or zero, by the premise's rule), as an opening-balance posting, and records
	 * the onboarding. The first reading sends nothing to the meter.
	 */
	private void onboard(UnitOfWork work, DeviceSnapshotted snapshot) {
		String premiseId = snapshot.premiseId();
		boolean adopt = this.onboarding.adoptsMeterBalance(premiseId);
		Long meterBalance = snapshot.balancePaise();
		long opening = (adopt && meterBalance != null) ? meterBalance : 0;
		Instant observedAt = snapshot.observedAt().toInstant();
		Wallets wallets = work.part(Wallets.class);
		wallets.recordOnboarding(new Onboarding(premiseId, snapshot.eventId(), snapshot.deviceId(), meterBalance,
				opening, adopt ? Onboarding.ADOPT : Onboarding.ZERO, observedAt));
		if (opening <= 0) {
			return;
		}
		LedgerPosting posting = LedgerPosting.openingBalance(premiseId, opening, snapshot.deviceId(), observedAt);
		wallets.checkPostingKeys(List.of(posting.idempotencyKey()));
		if (wallets.post(posting)) {
			this.metrics.credited(BalanceCredited.SOURCE_OPENING, opening);
			work.publish(new BalanceCredited(UUID.randomUUID(), this.clock.instant(), premiseId,
					posting.idempotencyKey(), opening, wallets.balance(premiseId), BalanceCredited.SOURCE_OPENING));
		}
	}

	private Applied bill(UnitOfWork work, String premiseId, MeterReading reading, MeterBaseline baseline,
			ReadingAssessment.Billable billable, LocalDate chargedThrough) {
		TariffBook book = this.tariffs.book(premiseId);
		// The interval's energy is priced at the supply and rates in force at its start
		// (ADR 0004): the previous reading's active tariff and the version effective
		// then.
		Optional<PricedTariff> priced = PricedTariff.forInterval(book, premiseId, baseline.observedAt(),
				baseline.activeTariff(), baseline.reportedRate(baseline.activeTariff()));
		if (priced.isEmpty()) {
			return new Applied(
					quarantine(work, premiseId, reading, baseline, QuarantineReason.NO_TARIFF,
							"no tariff is configured and the meter reported no " + baseline.activeTariff() + " rate"),
					null);
		}
		PricedTariff tariff = priced.get();
		long energyMwh = Energy.toMilliWattHours(billable.energyKwh());
		SegmentKey segment = new SegmentKey(premiseId, tariff);
		Segments segments = work.part(Segments.class);
		SegmentTotals.Charge charge = segments.totals(segment).add(energyMwh, tariff.ratePaisePerKwh());
		segments.save(segment, charge.after());
		work.part(MeterStates.class)
			.recordInterval(new BilledInterval(premiseId, reading, baseline.observedAt(), tariff, energyMwh,
					charge.debitPaise(), istDate(reading.observedAt())));
		if (charge.debitPaise() > 0) {
			work.part(Wallets.class)
				.post(LedgerPosting.energy(premiseId, reading.snapshotId().toString(), tariff.kind(),
						charge.debitPaise(), describe(billable, energyMwh, tariff), reading.observedAt()));
			this.metrics.debited(tariff.kind().name().toLowerCase(Locale.ROOT), charge.debitPaise());
		}
		if (energyMwh > 0) {
			work.publish(new BalanceDebited(UUID.randomUUID(), this.clock.instant(), premiseId, reading.snapshotId(),
					Energy.toKwh(energyMwh), tariff.kind(), tariff.ratePaisePerKwh(), charge.debitPaise(),
					work.part(Wallets.class).balance(premiseId)));
		}
		advance(work, premiseId, billable.next(), chargedThrough, book);
		return new Applied(SnapshotOutcome.BILLED,
				new BilledEnergy(energyMwh, baseline.reportedRate(baseline.activeTariff()), baseline.observedAt()));
	}

	/**
	 * The ledger line's text. The energy is written from the exact milliwatt-hours, so
	 * the text does not depend on the scale the reading or the stored baseline had.
	 */
	private static String describe(ReadingAssessment.Billable billable, long energyMwh, PricedTariff tariff) {
		String change = switch (billable.change()) {
			case NONE -> "";
			case REPLACEMENT -> " (new meter, from 0)";
			case RESET_REPORTED, RESET_DETECTED -> " (register reset, from 0)";
		};
		return tariff.kind() + " energy " + Energy.toKwh(energyMwh).toPlainString() + " kWh at "
				+ tariff.ratePaisePerKwh() + " paise/kWh" + change;
	}

	/** Moves the baseline and charges the fixed daily charge for each day now owed. */
	private void advance(UnitOfWork work, String premiseId, MeterBaseline next, LocalDate chargedThrough,
			TariffBook book) {
		LocalDate today = istDate(next.observedAt());
		LocalDate through = chargedThrough;
		if (through == null || today.isAfter(through)) {
			List<LocalDate> owed = FixedDailyCharges.owed(chargedThrough, today);
			work.part(Wallets.class)
				.checkPostingKeys(owed.stream().map((day) -> LedgerPosting.fixedChargeKey(premiseId, day)).toList());
			for (LocalDate day : owed) {
				chargeFixed(work, premiseId, day, book);
			}
			through = today;
		}
		// A reading billed (or a baseline) from the baseline ends any hold: the meter
		// went
		// on from there.
		work.part(MeterStates.class).save(premiseId, new MeterState(next, through, null));
	}

	private void chargeFixed(UnitOfWork work, String premiseId, LocalDate day, TariffBook book) {
		Instant startOfDay = day.atStartOfDay(Ist.ZONE).toInstant();
		long amount = book.inForce(premiseId, startOfDay)
			.map(TariffVersion::fixedDailyPaise)
			.orElse(this.properties.defaultFixedDailyPaise());
		Wallets wallets = work.part(Wallets.class);
		if (amount > 0 && wallets.post(LedgerPosting.fixedCharge(premiseId, day, amount, startOfDay))) {
			this.metrics.debited("fixed", amount);
			work.publish(new FixedChargeDebited(UUID.randomUUID(), this.clock.instant(), premiseId, day, amount,
					wallets.balance(premiseId)));
		}
	}

	private SnapshotOutcome quarantine(UnitOfWork work, String premiseId, MeterReading reading, MeterBaseline baseline,
			QuarantineReason reason, String detail) {
		Instant now = this.clock.instant();
		work.part(MeterStates.class).quarantine(new Quarantine(premiseId, reading, baseline, reason, detail, now));
		work.publish(new ReadingQuarantined(UUID.randomUUID(), now, premiseId, reading.snapshotId(), reading.deviceId(),
				reading.epoch(), reading.energyKwh(), baseline.energyKwh(), reason.code(), detail,
				reading.observedAt().atZone(Ist.ZONE).toOffsetDateTime()));
		return SnapshotOutcome.QUARANTINED;
	}

	private static MeterReading reading(DeviceSnapshotted s) {
		return new MeterReading(s.eventId(), s.deviceId(), s.epoch(), s.online(), s.energyKwh(),
				s.observedAt().toInstant(), s.activeTariff(), s.ebTariffPaisePerKwh(), s.dgTariffPaisePerKwh());
	}

	private static LocalDate istDate(Instant instant) {
		return Ist.date(instant);
	}

	/** What applying one snapshot did, and the interval it billed if any. */
	private record Applied(SnapshotOutcome outcome, BilledEnergy billed) {
	}

}
