package eco.qubeprepaid.balance.policy.persistence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import eco.qubeprepaid.balance.jooq.tables.records.PolicyStateRecord;
import eco.qubeprepaid.balance.jooq.tables.records.PremisePolicyRecord;
import eco.qubeprepaid.service.persistence.DbTime;
import eco.qubeprepaid.balance.policy.domain.EmergencyCredit;
import eco.qubeprepaid.balance.policy.domain.EnforcementMode;
import eco.qubeprepaid.balance.policy.domain.FriendlyWindows;
import eco.qubeprepaid.balance.policy.domain.LadderRung;
import eco.qubeprepaid.balance.policy.domain.Observation;
import eco.qubeprepaid.balance.policy.domain.PolicyState;
import eco.qubeprepaid.balance.policy.domain.PremisePolicy;
import eco.qubeprepaid.balance.policy.domain.Reconciliation;
import eco.qubeprepaid.balance.policy.domain.OnboardingRule;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand;
import eco.qubeprepaid.balance.policy.domain.RelayPhase;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.reference.ReferenceCache;
import eco.qubeprepaid.balance.reference.ReferenceDataVersion;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.balance.policy.domain.StoredState;
import eco.qubeprepaid.balance.policy.domain.OverrideEntry;
import eco.qubeprepaid.balance.policy.domain.Notice;
import eco.qubeprepaid.balance.policy.domain.Holiday;
import eco.qubeprepaid.balance.policy.application.PolicyRepository;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row2;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.balance.jooq.Tables.FRIENDLY_HOLIDAY;
import static eco.qubeprepaid.balance.jooq.Tables.LOW_BALANCE_NOTICE;
import static eco.qubeprepaid.balance.jooq.Tables.POLICY_STATE;
import static eco.qubeprepaid.balance.jooq.Tables.PREMISE_POLICY;
import static eco.qubeprepaid.balance.jooq.Tables.RELAY_OVERRIDE;

/**
 * The policy's tables through jOOQ: policies by scope, holidays, each premise's state,
 * the low-balance notices and the operators' relay audit. Every write runs in the
 * caller's transaction; state is written under the premise's wallet lock.
 */
@Repository
public class PolicyStore implements PolicyRepository {

	private final DSLContext dsl;

	/** Policies and holidays are few and change rarely: they are read from memory. */
	private final ReferenceCache<ReferencePolicies> policies;

	public PolicyStore(DSLContext dsl, ReferenceDataVersion version) {
		this.dsl = dsl;
		this.policies = new ReferenceCache<>(version, this::loadPolicies);
	}

	/**
	 * The policy in force for a premise: the most specific covering scope's row, or the
	 * default, with the holidays of every covering scope.
	 * @param premiseId the premise
	 * @return the policy
	 */
	@Override
	public PremisePolicy policyFor(String premiseId) {
		ReferencePolicies reference = this.policies.get();
		PremisePolicy policy = reference.policies()
			.stream()
			.filter((scoped) -> scoped.scope().covers(premiseId))
			.max(Comparator.comparingInt((ScopedPolicy scoped) -> scoped.scope().specificity()))
			.map(ScopedPolicy::policy)
			.orElseGet(PremisePolicy::standard);
		Set<LocalDate> holidays = reference.holidays()
			.stream()
			.filter((holiday) -> holiday.scope().covers(premiseId))
			.map(ScopedHoliday::date)
			.collect(Collectors.toSet());
		return withWindows(policy, policy.windows().withHolidays(holidays));
	}

	private ReferencePolicies loadPolicies() {
		List<ScopedPolicy> policies = this.dsl.selectFrom(PREMISE_POLICY)
			.fetch((row) -> new ScopedPolicy(new TariffScope(row.getScope()), policy(row)));
		List<ScopedHoliday> holidays = this.dsl.selectFrom(FRIENDLY_HOLIDAY)
			.fetch((row) -> new ScopedHoliday(new TariffScope(row.getScope()), row.getHolidayDate()));
		return new ReferencePolicies(List.copyOf(policies), List.copyOf(holidays));
	}

	/**
	 * @param scope a scope
	 * @return the policy set exactly at that scope, without holidays, if any
	 */
	@Override
	public Optional<PremisePolicy> policyAt(TariffScope scope) {
		return this.dsl.selectFrom(PREMISE_POLICY)
			.where(PREMISE_POLICY.SCOPE.eq(scope.value()))
			.fetchOptional()
			.map(PolicyStore::policy);
	}

	/**
	 * Sets the policy of a scope, replacing the previous one.
	 * @param scope the scope
	 * @param policy the policy (its holidays are kept apart and ignored here)
	 * @param updatedBy who set it
	 * @param at when
	 */
	@Override
	public void savePolicy(TariffScope scope, PremisePolicy policy, String updatedBy, Instant at) {
		String ladder = policy.ladder().stream().map(LadderRung::label).collect(Collectors.joining(","));
		String weekdays = policy.windows()
			.weekdays()
			.stream()
			.sorted()
			.map(DayOfWeek::name)
			.collect(Collectors.joining(","));
		this.dsl.insertInto(PREMISE_POLICY)
			.set(PREMISE_POLICY.SCOPE, scope.value())
			.set(PREMISE_POLICY.ENFORCEMENT, policy.mode().name())
			.set(PREMISE_POLICY.LADDER, ladder)
			.set(PREMISE_POLICY.NIGHT_START, policy.windows().nightStart())
			.set(PREMISE_POLICY.NIGHT_END, policy.windows().nightEnd())
			.set(PREMISE_POLICY.FRIENDLY_WEEKDAYS, weekdays)
			.set(PREMISE_POLICY.EMERGENCY_CREDIT_PAISE, policy.emergency().amountPaise())
			.set(PREMISE_POLICY.EMERGENCY_CREDIT_DAYS, policy.emergency().days())
			.set(PREMISE_POLICY.RESTORE_MINIMUM_PAISE, policy.restoreMinimumPaise())
			.set(PREMISE_POLICY.ONBOARDING, policy.onboarding().name())
			.set(PREMISE_POLICY.UPDATED_BY, updatedBy)
			.set(PREMISE_POLICY.UPDATED_AT, DbTime.utc(at))
			.onConflict(PREMISE_POLICY.SCOPE)
			.doUpdate()
			.set(PREMISE_POLICY.ENFORCEMENT, policy.mode().name())
			.set(PREMISE_POLICY.LADDER, ladder)
			.set(PREMISE_POLICY.NIGHT_START, policy.windows().nightStart())
			.set(PREMISE_POLICY.NIGHT_END, policy.windows().nightEnd())
			.set(PREMISE_POLICY.FRIENDLY_WEEKDAYS, weekdays)
			.set(PREMISE_POLICY.EMERGENCY_CREDIT_PAISE, policy.emergency().amountPaise())
			.set(PREMISE_POLICY.EMERGENCY_CREDIT_DAYS, policy.emergency().days())
			.set(PREMISE_POLICY.RESTORE_MINIMUM_PAISE, policy.restoreMinimumPaise())
			.set(PREMISE_POLICY.ONBOARDING, policy.onboarding().name())
			.set(PREMISE_POLICY.UPDATED_BY, updatedBy)
			.set(PREMISE_POLICY.UPDATED_AT, DbTime.utc(at))
			.execute();
		this.policies.invalidate();
	}

	/**
	 * @param scope a scope
	 * @return its holidays, in date order
	 */
	@Override
	public List<Holiday> holidaysAt(TariffScope scope) {
		return this.dsl.selectFrom(FRIENDLY_HOLIDAY)
			.where(FRIENDLY_HOLIDAY.SCOPE.eq(scope.value()))
			.orderBy(FRIENDLY_HOLIDAY.HOLIDAY_DATE)
			.fetch((row) -> new Holiday(row.getHolidayDate(), row.getName()));
	}

	/**
	 * Adds a holiday or renames it.
	 * @param scope the scope
	 * @param holiday the holiday
	 */
	@Override
	public void saveHoliday(TariffScope scope, Holiday holiday) {
		this.dsl.insertInto(FRIENDLY_HOLIDAY)
			.set(FRIENDLY_HOLIDAY.SCOPE, scope.value())
			.set(FRIENDLY_HOLIDAY.HOLIDAY_DATE, holiday.date())
			.set(FRIENDLY_HOLIDAY.NAME, holiday.name())
			.onConflict(FRIENDLY_HOLIDAY.SCOPE, FRIENDLY_HOLIDAY.HOLIDAY_DATE)
			.doUpdate()
			.set(FRIENDLY_HOLIDAY.NAME, holiday.name())
			.execute();
		this.policies.invalidate();
	}

	/**
	 * @param scope the scope
	 * @param date the date
	 * @return whether a holiday was removed
	 */
	@Override
	public boolean deleteHoliday(TariffScope scope, LocalDate date) {
		boolean deleted = this.dsl.deleteFrom(FRIENDLY_HOLIDAY)
			.where(FRIENDLY_HOLIDAY.SCOPE.eq(scope.value()).and(FRIENDLY_HOLIDAY.HOLIDAY_DATE.eq(date)))
			.execute() == 1;
		this.policies.invalidate();
		return deleted;
	}

	/**
	 * Loads a premise's state.
	 * @param premiseId the premise
	 * @return the policy state and the reconciliation state
	 */
	@Override
	public StoredState load(String premiseId) {
		return load(List.of(premiseId)).get(premiseId);
	}

	/**
	 * Loads premises' states in one round trip (the caller holds their wallet locks).
	 * @param premiseIds the premises
	 * @return the state of every one of them, the initial state for a premise without a
	 * row
	 */
	@Override
	public Map<String, StoredState> load(Collection<String> premiseIds) {
		Field<String[]> crossedRungs = DSL
			.field(DSL.select(DSL.arrayAgg(LOW_BALANCE_NOTICE.RUNG))
				.from(LOW_BALANCE_NOTICE)
				.where(LOW_BALANCE_NOTICE.PREMISE_ID.eq(POLICY_STATE.PREMISE_ID)))
			.as("crossed_rungs");
		Map<String, StoredState> states = new HashMap<>();
		this.dsl.select(crossedRungs)
			.select(POLICY_STATE.fields())
			.from(POLICY_STATE)
			.where(POLICY_STATE.PREMISE_ID.in(premiseIds))
			.forEach((row) -> {
				String[] rungs = row.get(crossedRungs);
				Set<String> crossed = (rungs != null) ? new HashSet<>(Arrays.asList(rungs)) : new HashSet<>();
				PolicyStateRecord state = row.into(POLICY_STATE);
				states.put(state.getPremiseId(), new StoredState(state(state, crossed),
						new Reconciliation.State(DbTime.instant(state.getLastSyncAt()), state.getDriftOpen())));
			});
		// Notice rows are only written with the state row, so a premise without state has
		// none.
		premiseIds.forEach((premiseId) -> states.putIfAbsent(premiseId,
				new StoredState(PolicyState.INITIAL, Reconciliation.State.INITIAL)));
		return states;
	}

	/**
	 * Saves premises' states, one statement for all.
	 * @param states the new states by premise
	 * @param at when
	 */
	@Override
	public void save(Map<String, StoredState> states, Instant at) {
		if (states.isEmpty()) {
			return;
		}
		List<Field<?>> fields = List.of(POLICY_STATE.PREMISE_ID, POLICY_STATE.OBSERVED_AT, POLICY_STATE.ONLINE,
				POLICY_STATE.RELAY_ON, POLICY_STATE.METER_BALANCE_PAISE, POLICY_STATE.METER_MODE,
				POLICY_STATE.HAS_RELAY, POLICY_STATE.LAST_TOP_UP_PAISE, POLICY_STATE.PHASE, POLICY_STATE.EPISODE,
				POLICY_STATE.ATTEMPT, POLICY_STATE.NEGATIVE_SINCE, POLICY_STATE.SCHEDULED_CUTOFF_AT,
				POLICY_STATE.OPERATOR_HOLD, POLICY_STATE.COMMAND_ID, POLICY_STATE.COMMAND_RELAY_ON,
				POLICY_STATE.COMMAND_STATUS, POLICY_STATE.COMMAND_REQUESTED_AT, POLICY_STATE.COMMAND_SETTLED_AT,
				POLICY_STATE.COMMAND_FAILURE, POLICY_STATE.CONFIRMED_RELAY_ON, POLICY_STATE.BALANCE_COMMAND_ID,
				POLICY_STATE.BALANCE_COMMAND_PAISE, POLICY_STATE.BALANCE_COMMAND_STATUS,
				POLICY_STATE.BALANCE_COMMAND_REQUESTED_AT, POLICY_STATE.BALANCE_COMMAND_SETTLED_AT,
				POLICY_STATE.BALANCE_COMMAND_FAILURE, POLICY_STATE.SUPPLY_OWED_SINCE, POLICY_STATE.RESTORE_REQUESTS,
				POLICY_STATE.OVERDUE_REPORTED, POLICY_STATE.COMMAND_SEQUENCE, POLICY_STATE.METER_REF_PAISE,
				POLICY_STATE.METER_REF_AT, POLICY_STATE.METER_REF_READ_BACK, POLICY_STATE.METER_REF_DEDUCTED_PAISE,
				POLICY_STATE.CUTOFF_ANNOUNCED_FOR, POLICY_STATE.LAST_SYNC_AT, POLICY_STATE.DRIFT_OPEN,
				POLICY_STATE.UPDATED_AT);
		Map<Field<?>, Field<?>> updates = new LinkedHashMap<>();
		fields.stream().skip(1).forEach((field) -> updates.put(field, DSL.excluded(field)));
		BatchBindStep batch = this.dsl.batch(this.dsl.insertInto(POLICY_STATE, fields)
			.values(fields.stream().map((field) -> DSL.val(null, field)).toList())
			.onConflict(POLICY_STATE.PREMISE_ID)
			.doUpdate()
			.set(updates));
		states.forEach((premiseId, stored) -> {
			PolicyState s = stored.policy();
			Observation latest = s.latest();
			TrackedCommand relay = s.relayCommand();
			TrackedCommand set = s.balanceCommand();
			PolicyState.MeterReference ref = s.meterReference();
			batch.bind(premiseId, (latest != null) ? DbTime.utc(latest.observedAt()) : null,
					(latest != null) ? latest.online() : null, (latest != null) ? latest.relayOn() : null,
					(latest != null) ? latest.meterBalancePaise() : null,
					(latest != null && latest.mode() != null) ? latest.mode().name() : null,
					(latest != null) ? latest.hasRelay() : null, s.lastTopUpPaise(), s.phase().name(), s.episode(),
					s.attempt(), DbTime.utc(s.negativeSince()), DbTime.utc(s.scheduledCutoffAt()), s.operatorHold(),
					(relay != null) ? relay.commandId() : null, (relay != null) ? relay.relayOn() : null,
					(relay != null) ? relay.status().name() : null,
					(relay != null) ? DbTime.utc(relay.requestedAt()) : null,
					(relay != null) ? DbTime.utc(relay.settledAt()) : null,
					(relay != null) ? relay.failureCode() : null, s.confirmedRelayOn(),
					(set != null) ? set.commandId() : null, (set != null) ? set.balancePaise() : null,
					(set != null) ? set.status().name() : null, (set != null) ? DbTime.utc(set.requestedAt()) : null,
					(set != null) ? DbTime.utc(set.settledAt()) : null, (set != null) ? set.failureCode() : null,
					DbTime.utc(s.supplyOwedSince()), s.restoreRequests(), s.overdueReported(), s.commandSequence(),
					(ref != null) ? ref.balancePaise() : null, (ref != null) ? DbTime.utc(ref.at()) : null,
					(ref != null) ? ref.readBack() : null, (ref != null) ? ref.deductedSincePaise() : null,
					DbTime.utc(s.cutoffAnnouncedFor()), DbTime.utc(stored.reconciliation().lastSyncAt()),
					stored.reconciliation().driftOpen(), DbTime.utc(at));
		});
		batch.execute();
	}

	/**
	 * Brings the low-balance notice rows up to date: removes re-armed rungs and writes
	 * the rungs crossed since (a rung re-armed and crossed again replaces its row). The
	 * primary key of a notice row is the database's guard of one notice per crossing.
	 * @param removed the rungs re-armed, by premise
	 * @param crossed the rungs crossed
	 */
	@Override
	public void writeNotices(Map<String, Set<String>> removed, Collection<Notice> crossed) {
		List<Row2<String, String>> keys = new ArrayList<>();
		removed.forEach((premiseId, rungs) -> rungs.forEach((rung) -> keys.add(DSL.row(premiseId, rung))));
		if (!keys.isEmpty()) {
			this.dsl.deleteFrom(LOW_BALANCE_NOTICE)
				.where(DSL.row(LOW_BALANCE_NOTICE.PREMISE_ID, LOW_BALANCE_NOTICE.RUNG).in(keys))
				.execute();
		}
		if (crossed.isEmpty()) {
			return;
		}
		BatchBindStep batch = this.dsl.batch(this.dsl
			.insertInto(LOW_BALANCE_NOTICE, LOW_BALANCE_NOTICE.PREMISE_ID, LOW_BALANCE_NOTICE.RUNG,
					LOW_BALANCE_NOTICE.THRESHOLD_PAISE, LOW_BALANCE_NOTICE.BALANCE_PAISE, LOW_BALANCE_NOTICE.CROSSED_AT)
			.values((String) null, null, null, null, null)
			.onConflict(LOW_BALANCE_NOTICE.PREMISE_ID, LOW_BALANCE_NOTICE.RUNG)
			.doUpdate()
			.set(LOW_BALANCE_NOTICE.THRESHOLD_PAISE, DSL.excluded(LOW_BALANCE_NOTICE.THRESHOLD_PAISE))
			.set(LOW_BALANCE_NOTICE.BALANCE_PAISE, DSL.excluded(LOW_BALANCE_NOTICE.BALANCE_PAISE))
			.set(LOW_BALANCE_NOTICE.CROSSED_AT, DSL.excluded(LOW_BALANCE_NOTICE.CROSSED_AT)));
		crossed.forEach((notice) -> batch.bind(notice.premiseId(), notice.rung(), notice.thresholdPaise(),
				notice.balancePaise(), DbTime.utc(notice.crossedAt())));
		batch.execute();
	}

	/**
	 * @param now the service time
	 * @param limit the most premises
	 * @return the premises whose scheduled cut-off is due
	 */
	@Override
	public List<String> dueCutoffs(Instant now, int limit) {
		return this.dsl.select(POLICY_STATE.PREMISE_ID)
			.from(POLICY_STATE)
			.where(POLICY_STATE.SCHEDULED_CUTOFF_AT.le(DbTime.utc(now)))
			.orderBy(POLICY_STATE.SCHEDULED_CUTOFF_AT)
			.limit(limit)
			.fetch(POLICY_STATE.PREMISE_ID);
	}

	/**
	 * @param limit the most premises
	 * @return the premises whose supply is owed and not yet seen on, longest owed first
	 */
	@Override
	public List<String> owedSupplies(int limit) {
		return this.dsl.select(POLICY_STATE.PREMISE_ID)
			.from(POLICY_STATE)
			.where(POLICY_STATE.SUPPLY_OWED_SINCE.isNotNull())
			.orderBy(POLICY_STATE.SUPPLY_OWED_SINCE)
			.limit(limit)
			.fetch(POLICY_STATE.PREMISE_ID);
	}

	/**
	 * @param owedBefore an instant
	 * @return how many premises are owed their supply, and how many since before the
	 * instant
	 */
	@Override
	public long[] owedSupplyCounts(Instant owedBefore) {
		var owed = DSL.count();
		var overdue = DSL.count().filterWhere(POLICY_STATE.SUPPLY_OWED_SINCE.lt(DbTime.utc(owedBefore)));
		var row = this.dsl.select(owed, overdue)
			.from(POLICY_STATE)
			.where(POLICY_STATE.SUPPLY_OWED_SINCE.isNotNull())
			.fetchOne();
		return new long[] { row.get(owed), row.get(overdue) };
	}

	/**
	 * Audits an operator's forced relay switch.
	 * @param premiseId the premise
	 * @param relayOn the direction
	 * @param operator who
	 * @param reason why
	 * @param commandId the command sent
	 * @param at when
	 */
	@Override
	public void audit(String premiseId, boolean relayOn, String operator, String reason, UUID commandId, Instant at) {
		this.dsl.insertInto(RELAY_OVERRIDE)
			.set(RELAY_OVERRIDE.PREMISE_ID, premiseId)
			.set(RELAY_OVERRIDE.RELAY_ON, relayOn)
			.set(RELAY_OVERRIDE.OPERATOR, operator)
			.set(RELAY_OVERRIDE.REASON, reason)
			.set(RELAY_OVERRIDE.COMMAND_ID, commandId)
			.set(RELAY_OVERRIDE.REQUESTED_AT, DbTime.utc(at))
			.execute();
	}

	/**
	 * @param premiseId a premise
	 * @param limit the most rows
	 * @return its operator relay audit, newest first
	 */
	@Override
	public List<OverrideEntry> overrides(String premiseId, int limit) {
		return this.dsl.selectFrom(RELAY_OVERRIDE)
			.where(RELAY_OVERRIDE.PREMISE_ID.eq(premiseId))
			.orderBy(RELAY_OVERRIDE.OVERRIDE_ID.desc())
			.limit(limit)
			.fetch((row) -> new OverrideEntry(row.getRelayOn(), row.getOperator(), row.getReason(), row.getCommandId(),
					DbTime.instant(row.getRequestedAt())));
	}

	private static PremisePolicy policy(PremisePolicyRecord row) {
		List<LadderRung> ladder = row.getLadder().isEmpty() ? List.of()
				: Arrays.stream(row.getLadder().split(",")).map(LadderRung::parse).toList();
		Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
		if (!row.getFriendlyWeekdays().isEmpty()) {
			Arrays.stream(row.getFriendlyWeekdays().split(",")).map(DayOfWeek::valueOf).forEach(weekdays::add);
		}
		return new PremisePolicy(EnforcementMode.valueOf(row.getEnforcement()), ladder,
				new FriendlyWindows(row.getNightStart(), row.getNightEnd(), weekdays, Set.of()),
				new EmergencyCredit(row.getEmergencyCreditPaise(), row.getEmergencyCreditDays()),
				row.getRestoreMinimumPaise(), OnboardingRule.valueOf(row.getOnboarding()));
	}

	private static PremisePolicy withWindows(PremisePolicy policy, FriendlyWindows windows) {
		return policy.withWindows(windows);
	}

	private static PolicyState state(PolicyStateRecord row, Set<String> crossed) {
		Observation latest = (row.getObservedAt() != null)
				? new Observation(DbTime.instant(row.getObservedAt()), Boolean.TRUE.equals(row.getOnline()),
						row.getRelayOn(), row.getMeterBalancePaise(),
						(row.getMeterMode() != null) ? MeterMode.valueOf(row.getMeterMode()) : null, row.getHasRelay())
				: null;
		TrackedCommand relay = (row.getCommandId() != null) ? new TrackedCommand(row.getCommandId(),
				row.getCommandRelayOn() ? DeviceCommand.RELAY_ON : DeviceCommand.RELAY_OFF, null,
				TrackedCommand.Status.valueOf(row.getCommandStatus()), DbTime.instant(row.getCommandRequestedAt()),
				DbTime.instant(row.getCommandSettledAt()), row.getCommandFailure()) : null;
		TrackedCommand set = (row.getBalanceCommandId() != null)
				? new TrackedCommand(row.getBalanceCommandId(), DeviceCommand.SET_BALANCE, row.getBalanceCommandPaise(),
						TrackedCommand.Status.valueOf(row.getBalanceCommandStatus()),
						DbTime.instant(row.getBalanceCommandRequestedAt()),
						DbTime.instant(row.getBalanceCommandSettledAt()), row.getBalanceCommandFailure())
				: null;
		PolicyState.MeterReference reference = (row.getMeterRefPaise() != null)
				? new PolicyState.MeterReference(row.getMeterRefPaise(), DbTime.instant(row.getMeterRefAt()),
						Boolean.TRUE.equals(row.getMeterRefReadBack()), row.getMeterRefDeductedPaise())
				: null;
		return new PolicyState(latest, row.getLastTopUpPaise(), crossed, RelayPhase.valueOf(row.getPhase()),
				row.getEpisode(), row.getAttempt(), DbTime.instant(row.getNegativeSince()),
				DbTime.instant(row.getScheduledCutoffAt()), row.getOperatorHold(), relay, row.getConfirmedRelayOn(),
				set, DbTime.instant(row.getSupplyOwedSince()), row.getRestoreRequests(), row.getOverdueReported(),
				row.getCommandSequence(), reference, DbTime.instant(row.getCutoffAnnouncedFor()));
	}

	private record ScopedPolicy(TariffScope scope, PremisePolicy policy) {
	}

	private record ScopedHoliday(TariffScope scope, LocalDate date) {
	}

	private record ReferencePolicies(List<ScopedPolicy> policies, List<ScopedHoliday> holidays) {
	}

}
