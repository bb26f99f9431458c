package eco.qubeprepaid.balance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import eco.qubeprepaid.balance.ledger.application.LedgerMetrics;
import eco.qubeprepaid.balance.ledger.application.LedgerRepository;
import eco.qubeprepaid.balance.ledger.application.SnapshotApplied;
import eco.qubeprepaid.balance.ledger.application.SnapshotBilling;
import eco.qubeprepaid.balance.ledger.application.TopUpCrediting;
import eco.qubeprepaid.balance.ledger.application.WalletCredited;
import eco.qubeprepaid.balance.ledger.application.Wallets;
import eco.qubeprepaid.balance.ledger.domain.Accounts;
import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.domain.Onboarding;
import eco.qubeprepaid.balance.ledger.domain.StatementLine;
import eco.qubeprepaid.balance.metering.application.MeterStates;
import eco.qubeprepaid.balance.metering.application.MeteringRepository;
import eco.qubeprepaid.balance.metering.domain.BilledInterval;
import eco.qubeprepaid.balance.metering.domain.DailyUsageRow;
import eco.qubeprepaid.balance.metering.domain.HeldReading;
import eco.qubeprepaid.balance.metering.domain.MeterState;
import eco.qubeprepaid.balance.metering.domain.Metering;
import eco.qubeprepaid.balance.metering.domain.MeteringLimits;
import eco.qubeprepaid.balance.metering.domain.Quarantine;
import eco.qubeprepaid.balance.metering.domain.QuarantinedReading;
import eco.qubeprepaid.balance.metering.domain.Resolution;
import eco.qubeprepaid.balance.policy.application.CommandRepository;
import eco.qubeprepaid.balance.policy.application.PolicyEnforcement;
import eco.qubeprepaid.balance.policy.application.PolicyMetrics;
import eco.qubeprepaid.balance.policy.application.PolicyRepository;
import eco.qubeprepaid.balance.policy.application.PolicyStates;
import eco.qubeprepaid.balance.policy.domain.CommandRecord;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.balance.policy.domain.Holiday;
import eco.qubeprepaid.balance.policy.domain.MeterCredits;
import eco.qubeprepaid.balance.policy.domain.Notice;
import eco.qubeprepaid.balance.policy.domain.OverrideEntry;
import eco.qubeprepaid.balance.policy.domain.PolicyState;
import eco.qubeprepaid.balance.policy.domain.PremisePolicy;
import eco.qubeprepaid.balance.policy.domain.Reconciliation;
import eco.qubeprepaid.balance.policy.domain.StoredState;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand;
import eco.qubeprepaid.balance.pricing.application.Segments;
import eco.qubeprepaid.balance.pricing.application.TariffRepository;
import eco.qubeprepaid.balance.pricing.domain.SegmentKey;
import eco.qubeprepaid.balance.pricing.domain.SegmentTotals;
import eco.qubeprepaid.balance.pricing.domain.TariffBook;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;
import eco.qubeprepaid.balance.work.UnitsOfWork;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.service.time.Ist;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.context.ApplicationEventPublisher;

/**
 * balance-service's billing and enforcement wired by hand over in-memory ports, for unit
 * tests without a database: the same application services, units of work and parts as in
 * production, with repositories that keep their rows in maps (the ledger's unique posting
 * keys and the processed events' primary key checked as the database would) and an outbox
 * that is a list. The in-transaction notifications go straight to
 * {@link PolicyEnforcement}, as Spring's event multicaster delivers them.
 */
public final class InMemoryBilling {

	/** The plausibility bound of the fixture: 25 kW. */
	public static final BigDecimal MAX_POWER_KW = new BigDecimal("25");

	public final MovableClock clock = new MovableClock();

	public final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	public final Ledger ledger = new Ledger();

	public final Meters metering = new Meters();

	public final Tariffs tariffs = new Tariffs();

	public final Policies policies = new Policies();

	public final Commands commands = new Commands();

	/** Every event appended to the outbox, in order. */
	public final List<DomainEvent> outbox = new ArrayList<>();

	/** Every in-transaction notification published, in order. */
	public final List<Object> notifications = new ArrayList<>();

	public final SnapshotBilling billing;

	public final TopUpCrediting topUps;

	public final PolicyEnforcement enforcement;

	/** Whether a premise seen for the first time adopts its meter's balance. */
	public boolean adoptMeterBalance = true;

	/**
	 * @param defaultFixedDailyPaise the fixed daily charge where no tariff sets one
	 */
	public InMemoryBilling(long defaultFixedDailyPaise) {
		this.clock.set(Instant.parse("2025-10-01T06:30:00Z"));
		LedgerMetrics ledgerMetrics = new LedgerMetrics(this.meters);
		PolicyMetrics policyMetrics = new PolicyMetrics(this.meters);
		UnitsOfWork units = new UnitsOfWork(this.ledger,
				List.of(new Wallets.Factory(this.ledger), new MeterStates.Factory(this.metering),
						new Segments.Factory(this.tariffs), new PolicyStates.Factory(this.policies, this.commands)),
				this.outbox::addAll, this.clock);
		BalanceProperties properties = new BalanceProperties(MAX_POWER_KW, new BigDecimal("0.05"),
				defaultFixedDailyPaise, new BalanceProperties.Consumer(3), Duration.ofMinutes(5));
		CutoffPolicy cutoffs = new CutoffPolicy(new CutoffPolicy.Settings(Duration.ofMinutes(15), Duration.ofMinutes(5),
				Duration.ofHours(1), Duration.ofMinutes(10)), this.clock);
		this.enforcement = new PolicyEnforcement(this.policies, this.commands, units, cutoffs,
				new Reconciliation(100, Duration.ofMinutes(15), 5000), new MeterCredits(100), policyMetrics,
				ledgerMetrics, this.clock);
		ApplicationEventPublisher publisher = (event) -> {
			this.notifications.add(event);
			if (event instanceof SnapshotApplied applied) {
				this.enforcement.onSnapshotApplied(applied);
			}
			else if (event instanceof WalletCredited credited) {
				this.enforcement.onWalletCredited(credited);
			}
		};
		this.billing = new SnapshotBilling(
				new Metering(new MeteringLimits(properties.maxPowerKw(), properties.toleranceKwh())), this.ledger,
				units, this.tariffs, ledgerMetrics, properties, this.clock, publisher,
				(premiseId) -> this.adoptMeterBalance);
		this.topUps = new TopUpCrediting(this.ledger, units, ledgerMetrics, this.clock, publisher);
	}

	/**
	 * An online snapshot of a POSTPAID meter with a relay, at the meter's 500 paise/kWh
	 * (EB) and 800 (DG), whose balance the meter does not deduct.
	 * @param premise the premise
	 * @param energyKwh the register
	 * @param observedAt when it was read
	 * @param meterBalancePaise the meter's balance
	 * @param relayOn the relay as read
	 * @return the snapshot
	 */
	public static DeviceSnapshotted snapshot(String premise, String energyKwh, Instant observedAt,
			long meterBalancePaise, boolean relayOn) {
		return new DeviceSnapshotted(UUID.randomUUID(), observedAt.plusSeconds(1), premise, "key-1", "dev-" + premise,
				1, true, new BigDecimal(energyKwh), new BigDecimal("850"), new BigDecimal("230"), meterBalancePaise,
				relayOn, MeterMode.POSTPAID, 500L, 800L, TariffKind.EB, false,
				OffsetDateTime.ofInstant(observedAt, Ist.ZONE), true);
	}

	/**
	 * @param type an event class
	 * @param <T> its type
	 * @return the outbox's events of that class, in order
	 */
	public <T extends DomainEvent> List<T> published(Class<T> type) {
		return this.outbox.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * The ledger: wallets, postings with their unique keys, onboardings, processed ids.
	 */
	public static final class Ledger implements LedgerRepository {

		public final Map<String, Long> balances = new HashMap<>();

		public final List<LedgerPosting> postings = new ArrayList<>();

		public final Map<String, Onboarding> onboardings = new HashMap<>();

		private final Set<UUID> processed = new HashSet<>();

		private final Set<String> postingKeys = new HashSet<>();

		/**
		 * Premises locked so far, in the order they were locked (a lock never blocks
		 * here).
		 */
		public final List<String> locks = new ArrayList<>();

		@Override
		public void lock(Collection<String> premiseIds) {
			for (String premiseId : new TreeSet<>(premiseIds)) {
				this.balances.putIfAbsent(premiseId, 0L);
				this.locks.add(premiseId);
			}
		}

		@Override
		public boolean known(String premiseId) {
			return this.balances.containsKey(premiseId);
		}

		@Override
		public boolean markProcessed(UUID eventId, String eventType) {
			return this.processed.add(eventId);
		}

		@Override
		public Set<UUID> markProcessed(Collection<UUID> eventIds, String eventType) {
			return eventIds.stream().filter(this.processed::add).collect(Collectors.toSet());
		}

		@Override
		public void postAll(List<LedgerPosting> postings) {
			for (LedgerPosting posting : postings) {
				if (!this.postingKeys.add(posting.idempotencyKey())) {
					throw new IllegalStateException(
							"duplicate key value violates unique constraint: " + posting.idempotencyKey());
				}
				String wallet = Accounts.wallet(posting.premiseId());
				for (LedgerPosting.Entry entry : posting.entries()) {
					if (entry.accountId().equals(wallet)) {
						this.balances.merge(posting.premiseId(), -entry.amountPaise(), Long::sum);
					}
				}
				this.postings.add(posting);
			}
		}

		@Override
		public Set<String> postedKeys(Collection<String> idempotencyKeys) {
			return idempotencyKeys.stream().filter(this.postingKeys::contains).collect(Collectors.toSet());
		}

		@Override
		public void recordOnboardings(List<Onboarding> onboardings, Instant now) {
			for (Onboarding onboarding : onboardings) {
				if (this.onboardings.putIfAbsent(onboarding.premiseId(), onboarding) != null) {
					throw new IllegalStateException("premise onboarded twice: " + onboarding.premiseId());
				}
			}
		}

		@Override
		public Optional<Onboarding> onboarding(String premiseId) {
			return Optional.ofNullable(this.onboardings.get(premiseId));
		}

		@Override
		public long walletBalancePaise(String premiseId) {
			return this.balances.getOrDefault(premiseId, 0L);
		}

		@Override
		public boolean hasWallet(String premiseId) {
			return this.balances.containsKey(premiseId);
		}

		@Override
		public Map<String, Long> walletBalances(Collection<String> premiseIds) {
			Map<String, Long> found = new HashMap<>();
			premiseIds.stream()
				.filter(this.balances::containsKey)
				.forEach((premiseId) -> found.put(premiseId, this.balances.get(premiseId)));
			return found;
		}

		@Override
		public Optional<Instant> lastMovementAt(String premiseId) {
			throw new UnsupportedOperationException("not used by billing");
		}

		@Override
		public List<StatementLine> statement(String premiseId, Instant from, Instant to, int limit) {
			throw new UnsupportedOperationException("not used by billing");
		}

	}

	/** Metering: meter states, billed intervals, quarantined and held readings. */
	public static final class Meters implements MeteringRepository {

		public final Map<String, MeterState> states = new HashMap<>();

		public final List<BilledInterval> intervals = new ArrayList<>();

		public final List<Quarantine> quarantined = new ArrayList<>();

		public final List<HeldReading> held = new ArrayList<>();

		@Override
		public Map<String, MeterState> load(Collection<String> premiseIds) {
			Map<String, MeterState> found = new HashMap<>();
			premiseIds.stream()
				.filter(this.states::containsKey)
				.forEach((premiseId) -> found.put(premiseId, this.states.get(premiseId)));
			return found;
		}

		@Override
		public void save(Map<String, MeterState> states, Instant now) {
			this.states.putAll(states);
		}

		@Override
		public void recordConsumption(List<BilledInterval> intervals) {
			this.intervals.addAll(intervals);
		}

		@Override
		public void quarantine(List<Quarantine> readings) {
			this.quarantined.addAll(readings);
		}

		@Override
		public void hold(List<HeldReading> held) {
			this.held.addAll(held);
		}

		@Override
		public void clearSuspect(String premiseId, UUID snapshotId, Instant now) {
			throw new UnsupportedOperationException("not used by billing");
		}

		@Override
		public List<QuarantinedReading> openQuarantine(int limit) {
			throw new UnsupportedOperationException("not used by billing");
		}

		@Override
		public Optional<QuarantinedReading> quarantined(long id) {
			throw new UnsupportedOperationException("not used by billing");
		}

		@Override
		public boolean resolve(long id, Resolution resolution, String operator, String note, Instant at) {
			throw new UnsupportedOperationException("not used by billing");
		}

		@Override
		public boolean rebaseline(QuarantinedReading reading, Instant now) {
			throw new UnsupportedOperationException("not used by billing");
		}

		@Override
		public List<DailyUsageRow> dailyUsage(String premiseId, LocalDate from, LocalDate to) {
			throw new UnsupportedOperationException("not used by billing");
		}

	}

	/** Pricing: no tariff configured (the meter's own rates apply), segment totals. */
	public static final class Tariffs implements TariffRepository {

		public final Map<SegmentKey, SegmentTotals> segments = new HashMap<>();

		@Override
		public TariffBook book(String premiseId) {
			return TariffBook.EMPTY;
		}

		@Override
		public TariffVersion add(TariffScope scope, Instant effectiveFrom, long ebPaisePerKwh, long dgPaisePerKwh,
				long fixedDailyPaise) {
			throw new UnsupportedOperationException("not used by billing");
		}

		@Override
		public List<TariffVersion> versionsOf(TariffScope scope) {
			throw new UnsupportedOperationException("not used by billing");
		}

		@Override
		public Map<SegmentKey, SegmentTotals> segments(Collection<SegmentKey> keys) {
			Map<SegmentKey, SegmentTotals> found = new HashMap<>();
			keys.stream().filter(this.segments::containsKey).forEach((key) -> found.put(key, this.segments.get(key)));
			return found;
		}

		@Override
		public void saveSegments(Map<SegmentKey, SegmentTotals> totals) {
			this.segments.putAll(totals);
		}

	}

	/** The policy: one policy for every premise, the premises' states and notices. */
	public static final class Policies implements PolicyRepository {

		public PremisePolicy policy = PremisePolicy.standard();

		public final Map<String, StoredState> states = new HashMap<>();

		public final List<Notice> notices = new ArrayList<>();

		@Override
		public PremisePolicy policyFor(String premiseId) {
			return this.policy;
		}

		@Override
		public Optional<PremisePolicy> policyAt(TariffScope scope) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public void savePolicy(TariffScope scope, PremisePolicy policy, String updatedBy, Instant at) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public List<Holiday> holidaysAt(TariffScope scope) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public void saveHoliday(TariffScope scope, Holiday holiday) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public boolean deleteHoliday(TariffScope scope, LocalDate date) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public StoredState load(String premiseId) {
			return this.states.getOrDefault(premiseId,
					new StoredState(PolicyState.INITIAL, Reconciliation.State.INITIAL));
		}

		@Override
		public Map<String, StoredState> load(Collection<String> premiseIds) {
			Map<String, StoredState> found = new LinkedHashMap<>();
			premiseIds.forEach((premiseId) -> found.put(premiseId, load(premiseId)));
			return found;
		}

		@Override
		public void save(Map<String, StoredState> states, Instant at) {
			this.states.putAll(states);
		}

		@Override
		public void writeNotices(Map<String, Set<String>> removed, Collection<Notice> crossed) {
			removed.forEach((premiseId, rungs) -> this.notices
				.removeIf((notice) -> notice.premiseId().equals(premiseId) && rungs.contains(notice.rung())));
			this.notices.addAll(crossed);
		}

		@Override
		public List<String> dueCutoffs(Instant now, int limit) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public List<String> owedSupplies(int limit) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public long[] owedSupplyCounts(Instant owedBefore) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public void audit(String premiseId, boolean relayOn, String operator, String reason, UUID commandId,
				Instant at) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public List<OverrideEntry> overrides(String premiseId, int limit) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

	}

	/** The commands the policy recorded, unique by command id. */
	public static final class Commands implements CommandRepository {

		public final Map<UUID, CommandRecord> byId = new LinkedHashMap<>();

		@Override
		public void insert(List<CommandRecord> commands) {
			for (CommandRecord command : commands) {
				if (this.byId.putIfAbsent(command.commandId(), command) != null) {
					throw new IllegalStateException("duplicate command id " + command.commandId());
				}
			}
		}

		@Override
		public Optional<CommandRecord> find(UUID commandId) {
			return Optional.ofNullable(this.byId.get(commandId));
		}

		@Override
		public boolean settle(UUID commandId, TrackedCommand.Status status, String failureCode, Instant at) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public List<CommandRecord> waitingSince(Instant askedBefore, int limit) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public boolean askedAgain(UUID commandId, Instant at) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public int waitingCount() {
			throw new UnsupportedOperationException("not used by enforcement");
		}

		@Override
		public List<CommandRecord> ofPremise(String premiseId, int limit) {
			throw new UnsupportedOperationException("not used by enforcement");
		}

	}

}
