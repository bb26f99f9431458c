package eco.qubeprepaid.balance.policy.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eco.qubeprepaid.balance.policy.domain.Decision.DeferralReason;
import eco.qubeprepaid.balance.policy.domain.Decision.LowBalanceNotice;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand.Status;
import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.MeterMode;
import org.junit.jupiter.api.Test;

import static eco.qubeprepaid.balance.policy.domain.FriendlyWindowsTest.ist;
import static org.assertj.core.api.Assertions.assertThat;

class CutoffPolicyTest {

	private static final String PREMISE = "Building-A.Floor-1.Room-101";

	/** Monday 11:00 IST: outside every default window. */
	private static final Instant WEEKDAY = ist("2025-09-08T11:00:00");

	private static final Duration STALENESS = Duration.ofMinutes(15);

	private final PremisePolicy standard = PremisePolicy.standard();

	private final CutoffPolicy rules = at(WEEKDAY);

	/**
	 * The rules with the service clock at an instant (the data is read at about then).
	 */
	private static CutoffPolicy at(Instant serviceTime) {
		return new CutoffPolicy(STALENESS, Clock.fixed(serviceTime, ZoneOffset.UTC));
	}

	private static Observation online(Instant at) {
		return new Observation(at, true, true, 0L);
	}

	private static Observation relayOff(Instant at, long meterBalance, MeterMode mode) {
		return new Observation(at, true, false, meterBalance, mode, true);
	}

	private PolicyState toppedUp(long paise) {
		return this.rules.onCredit(PREMISE, this.standard, PolicyState.INITIAL, paise, paise, WEEKDAY).next();
	}

	private static CutoffPolicy.Outcome failed(CommandRequest command, String code) {
		return new CutoffPolicy.Outcome(command.commandId(), Status.FAILED, code, null, null, null);
	}

	private static CutoffPolicy.Outcome completed(CommandRequest command, Boolean relayOn, Long balance) {
		return new CutoffPolicy.Outcome(command.commandId(), Status.COMPLETED, null, relayOn, balance, null);
	}

	@Test
	void noticesEachRungOncePerDownwardCrossingAndReArmsWhenTheBalanceClimbsBack() {
		PolicyState state = toppedUp(10_000);
		Decision first = this.rules.onSnapshot(PREMISE, this.standard, state, online(WEEKDAY), 2_999);
		assertThat(first.notices()).containsExactly(new LowBalanceNotice("30%", 3_000, 2_999));
		Decision again = this.rules.onSnapshot(PREMISE, this.standard, first.next(), online(WEEKDAY.plusSeconds(60)),
				2_500);
		assertThat(again.notices()).isEmpty();
		Decision tenPercent = this.rules.onSnapshot(PREMISE, this.standard, again.next(),
				online(WEEKDAY.plusSeconds(120)), 1_000);
		assertThat(tenPercent.notices()).extracting(LowBalanceNotice::rung).containsExactly("10%");
		// A top-up of 5,000 (new base) lifts the balance to 6,000: both rungs re-arm, and
		// a credit never sends a notice.
		Decision credit = this.rules.onCredit(PREMISE, this.standard, tenPercent.next(), 5_000, 6_000, WEEKDAY);
		assertThat(credit.notices()).isEmpty();
		assertThat(credit.next().crossedRungs()).isEmpty();
		Decision crossedAgain = this.rules.onSnapshot(PREMISE, this.standard, credit.next(),
				online(WEEKDAY.plusSeconds(180)), 1_500);
		assertThat(crossedAgain.notices()).extracting(LowBalanceNotice::rung).containsExactly("30%");
		assertThat(crossedAgain.notices().get(0).thresholdPaise()).isEqualTo(1_500);
	}

	@Test
	void aDebitNoticesTheRungsItFallsThroughAndCutsOnlyBelowTheLineOnAFreshReading() {
		PolicyState seen = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(10_000), online(WEEKDAY), 10_000)
			.next();
		Decision refund = this.rules.onDebit(PREMISE, this.standard, seen, 2_000);
		assertThat(refund.notices()).extracting(LowBalanceNotice::rung).containsExactly("30%");
		assertThat(refund.commands()).as("a tenant with credit is never cut").isEmpty();
		Decision overridden = this.rules.onDebit(PREMISE, this.standard, refund.next(), -500);
		assertThat(overridden.relay())
			.hasValueSatisfying((request) -> assertThat(request.command()).isEqualTo(DeviceCommand.RELAY_OFF));
		// On a reading older than the staleness bound nothing is cut.
		Decision stale = at(WEEKDAY.plus(STALENESS).plusSeconds(60)).onDebit(PREMISE, this.standard, refund.next(),
				-500);
		assertThat(stale.relay()).isEmpty();
	}

	@Test
	void aBalanceFallingThroughSeveralRungsAtOnceNoticesEachOfThem() {
		Decision decision = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(10_000), online(WEEKDAY), 0);
		assertThat(decision.notices()).extracting(LowBalanceNotice::rung).containsExactly("30%", "10%", "0%");
	}

	@Test
	void percentageRungsWaitForAFirstTopUpWhileAbsoluteRungsDoNot() {
		assertThat(this.rules.onSnapshot(PREMISE, this.standard, PolicyState.INITIAL, online(WEEKDAY), -50).notices())
			.isEmpty();
		PremisePolicy absolute = new PremisePolicy(EnforcementMode.SYSTEM, List.of(LadderRung.paise(5_000)),
				FriendlyWindows.standard(), EmergencyCredit.NONE, 1);
		assertThat(this.rules.onSnapshot(PREMISE, absolute, PolicyState.INITIAL, online(WEEKDAY), 4_999).notices())
			.containsExactly(new LowBalanceNotice("5000p", 5_000, 4_999));
	}

	@Test
	void cutsOnceWithADeterministicCommandIdOutsideAWindow() {
		Decision cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), -1);
		assertThat(cut.relay()).hasValueSatisfying((request) -> {
			assertThat(request.command()).isEqualTo(DeviceCommand.RELAY_OFF);
			assertThat(request.commandId()).isEqualTo(CutoffPolicy.commandId(PREMISE, "relay-off", 1, 0));
			// Never applied on data older than the staleness bound.
			assertThat(request.expiresAt()).isEqualTo(WEEKDAY.plus(STALENESS));
		});
		assertThat(cut.next().phase()).isEqualTo(RelayPhase.CUT);
		Decision next = at(WEEKDAY.plusSeconds(300)).onSnapshot(PREMISE, this.standard, cut.next(),
				online(WEEKDAY.plusSeconds(300)), -40);
		assertThat(next.commands()).isEmpty();
	}

	@Test
	void aRelayOffDecidedBeforeAWindowExpiresWhenTheWindowStarts() {
		// Monday 17:55 IST: the nightly window starts at 18:00.
		Instant beforeWindow = ist("2025-09-08T17:55:00");
		Decision cut = at(beforeWindow).onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(beforeWindow), -1);
		assertThat(cut.relay())
			.hasValueSatisfying((request) -> assertThat(request.expiresAt()).isEqualTo(ist("2025-09-08T18:00:00")));
	}

	@Test
	void aZeroBalanceIsNotBelowTheCutoffLine() {
		Decision decision = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), 0);
		assertThat(decision.relay()).isEmpty();
		assertThat(decision.next().phase()).isEqualTo(RelayPhase.CLEAR);
	}

	@Test
	void neverCutsAnOfflineMeter() {
		Observation offline = new Observation(WEEKDAY, false, true, 0L);
		Decision decision = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), offline, -500);
		assertThat(decision.relay()).isEmpty();
		assertThat(decision.deferral())
			.hasValueSatisfying((d) -> assertThat(d.reason()).isEqualTo(DeferralReason.OFFLINE));
		assertThat(decision.next().phase()).isEqualTo(RelayPhase.OWED);
	}

	@Test
	void aReadingProcessedLateAfterABacklogNeverCutsAlthoughItIsTheNewestSeen() {
		// Defect 5: freshness was judged against the newest reading seen, so a backlog
		// replayed 20 minutes late counted as fresh. It is judged against the clock now.
		CutoffPolicy late = at(WEEKDAY.plus(Duration.ofMinutes(20)));
		Decision replayed = late.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), -500);
		assertThat(replayed.relay()).isEmpty();
		assertThat(replayed.deferral())
			.hasValueSatisfying((d) -> assertThat(d.reason()).isEqualTo(DeferralReason.STALE));
		Decision withinBound = at(WEEKDAY.plus(Duration.ofMinutes(5))).onSnapshot(PREMISE, this.standard,
				toppedUp(1_000), online(WEEKDAY), -500);
		assertThat(withinBound.relay()).isPresent();
	}

	@Test
	void anOlderReadingThanTheNewestSeenDecidesNothing() {
		PolicyState seen = this.rules
			.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY.plusSeconds(60)), 10)
			.next();
		Decision older = this.rules.onSnapshot(PREMISE, this.standard, seen, online(WEEKDAY), -500);
		assertThat(older.commands()).isEmpty();
		assertThat(older.next().latest().observedAt()).isEqualTo(WEEKDAY.plusSeconds(60));
	}

	@Test
	void aReadingStampedInTheFutureChangesNothing() {
		PolicyState state = toppedUp(1_000);
		Decision future = this.rules.onSnapshot(PREMISE, this.standard, state,
				online(WEEKDAY.plus(Duration.ofHours(2))), -500);
		assertThat(future.next()).isEqualTo(state);
		assertThat(future.commands()).isEmpty();
		// Within the clock skew it counts.
		assertThat(
				this.rules.onSnapshot(PREMISE, this.standard, state, online(WEEKDAY.plus(Duration.ofMinutes(4))), -500)
					.relay())
			.isPresent();
	}

	@Test
	void insideAWindowSchedulesTheCutoffForTheWindowsEndAndTheJobExecutesItThen() {
		Instant sundayNoon = ist("2025-09-07T12:00:00");
		Decision deferred = at(sundayNoon).onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(sundayNoon), -10);
		assertThat(deferred.relay()).isEmpty();
		assertThat(deferred.deferral()).hasValueSatisfying((d) -> {
			assertThat(d.reason()).isEqualTo(DeferralReason.WINDOW);
			assertThat(d.until()).isEqualTo(ist("2025-09-08T10:00:00"));
		});
		assertThat(deferred.next().scheduledCutoffAt()).isEqualTo(ist("2025-09-08T10:00:00"));
		assertThat(at(ist("2025-09-08T09:59:59")).onTick(PREMISE, this.standard, deferred.next(), -10).relay())
			.isEmpty();
		// The job runs on the service clock; the meter's last report (Sunday noon) is too
		// old by then, so a fresh snapshot is needed.
		assertThat(at(ist("2025-09-08T10:00:00")).onTick(PREMISE, this.standard, deferred.next(), -10).deferral())
			.hasValueSatisfying((d) -> assertThat(d.reason()).isEqualTo(DeferralReason.STALE));
		Instant recentAt = ist("2025-09-08T09:55:00");
		PolicyState recent = at(recentAt).onSnapshot(PREMISE, this.standard, deferred.next(), online(recentAt), -12)
			.next();
		Decision due = at(ist("2025-09-08T10:00:00")).onTick(PREMISE, this.standard, recent, -12);
		assertThat(due.relay()).hasValueSatisfying((r) -> assertThat(r.relayOn()).isFalse());
		assertThat(due.next().scheduledCutoffAt()).isNull();
	}

	@Test
	void theFirstSnapshotAfterTheWindowCutsWithTheSameIdTheJobWouldHaveUsed() {
		Instant night = ist("2025-09-08T21:00:00");
		Decision deferred = at(night).onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(night), -10);
		Instant morning = ist("2025-09-09T10:00:30");
		Decision after = at(morning).onSnapshot(PREMISE, this.standard, deferred.next(), online(morning), -20);
		assertThat(after.relay()).hasValueSatisfying(
				(r) -> assertThat(r.commandId()).isEqualTo(CutoffPolicy.commandId(PREMISE, "relay-off", 1, 0)));
	}

	@Test
	void holidaysAndSundaysHoldTheCutoff() {
		PremisePolicy withHoliday = new PremisePolicy(EnforcementMode.SYSTEM, List.of(),
				FriendlyWindows.standard().withHolidays(Set.of(LocalDate.of(2025, 9, 8))), EmergencyCredit.NONE, 1);
		Decision decision = this.rules.onSnapshot(PREMISE, withHoliday, toppedUp(1_000), online(WEEKDAY), -10);
		assertThat(decision.relay()).isEmpty();
		assertThat(decision.next().scheduledCutoffAt()).isEqualTo(ist("2025-09-09T10:00:00"));
	}

	@Test
	void emergencyCreditHoldsTheLineBelowZeroOnlyForItsDays() {
		PremisePolicy emergency = new PremisePolicy(EnforcementMode.SYSTEM, List.of(), FriendlyWindows.standard(),
				new EmergencyCredit(5_000, 2), 1);
		Decision within = this.rules.onSnapshot(PREMISE, emergency, toppedUp(1_000), online(WEEKDAY), -5_000);
		assertThat(within.relay()).isEmpty();
		assertThat(within.next().negativeSince()).isEqualTo(WEEKDAY);
		Decision beyond = at(WEEKDAY.plusSeconds(60)).onSnapshot(PREMISE, emergency, within.next(),
				online(WEEKDAY.plusSeconds(60)), -5_001);
		assertThat(beyond.relay()).isPresent();
		// Two days after first going negative (Wednesday 11:00 IST) the line is zero
		// again.
		Instant dayOneAt = ist("2025-09-10T10:59:00");
		Decision dayOne = at(dayOneAt).onSnapshot(PREMISE, emergency, within.next(), online(dayOneAt), -100);
		assertThat(dayOne.relay()).isEmpty();
		Instant expiredAt = ist("2025-09-10T11:00:00");
		Decision expired = at(expiredAt).onSnapshot(PREMISE, emergency, dayOne.next(), online(expiredAt), -100);
		assertThat(expired.relay()).isPresent();
	}

	@Test
	void restoresOncePerEpisodeWhenTheBalanceReachesTheRestoreMinimum() {
		PolicyState cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), -300).next();
		assertThat(this.rules.onCredit(PREMISE, this.standard, cut, 300, 0, WEEKDAY).relay()).isEmpty();
		Decision restored = this.rules.onCredit(PREMISE, this.standard, cut, 301, 1, WEEKDAY);
		assertThat(restored.relay()).hasValueSatisfying((r) -> {
			assertThat(r.relayOn()).isTrue();
			assertThat(r.commandId()).isEqualTo(CutoffPolicy.commandId(PREMISE, "relay-on", 1, 0));
		});
		assertThat(this.rules.onCredit(PREMISE, this.standard, restored.next(), 100, 101, WEEKDAY).relay()).isEmpty();
		// A new fall below the line is a new episode with new ids.
		Decision second = at(WEEKDAY.plusSeconds(60)).onSnapshot(PREMISE, this.standard, restored.next(),
				online(WEEKDAY.plusSeconds(60)), -1);
		assertThat(second.relay()).hasValueSatisfying(
				(r) -> assertThat(r.commandId()).isEqualTo(CutoffPolicy.commandId(PREMISE, "relay-off", 2, 0)));
	}

	@Test
	void aHigherRestoreMinimumKeepsTheSupplyOffUntilItIsReached() {
		PremisePolicy policy = new PremisePolicy(EnforcementMode.SYSTEM, List.of(), FriendlyWindows.standard(),
				EmergencyCredit.NONE, 10_000);
		PolicyState cut = this.rules.onSnapshot(PREMISE, policy, PolicyState.INITIAL, online(WEEKDAY), -1).next();
		assertThat(this.rules.onCredit(PREMISE, policy, cut, 9_000, 8_999, WEEKDAY).relay()).isEmpty();
		assertThat(this.rules.onCredit(PREMISE, policy, cut, 10_001, 10_000, WEEKDAY).relay()).isPresent();
	}

	@Test
	void aMeterThatEnforcesItselfIsNeverCutByThePolicy() {
		PremisePolicy meter = new PremisePolicy(EnforcementMode.METER, List.of(LadderRung.percent(0)),
				FriendlyWindows.standard(), EmergencyCredit.NONE, 1);
		Decision decision = this.rules.onSnapshot(PREMISE, meter,
				this.rules.onCredit(PREMISE, meter, PolicyState.INITIAL, 500, 500, WEEKDAY).next(), online(WEEKDAY),
				-500);
		assertThat(decision.relay()).isEmpty();
		assertThat(decision.notices()).extracting(LowBalanceNotice::rung).containsExactly("0%");
		// A PREPAID meter enforces itself whatever the policy says.
		Observation prepaid = new Observation(WEEKDAY, true, true, 0L, MeterMode.PREPAID, true);
		assertThat(this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), prepaid, -500).relay()).isEmpty();
	}

	@Test
	void aPrepaidMeterCutAtZeroGetsTheBalanceFirstThenTheRelayOnWhenCredited() {
		// Defect 7: the meter cuts itself at zero and refuses a relay-on until it holds
		// credit, so the new balance goes first, then the relay-on, in that order.
		Decision cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000),
				relayOff(WEEKDAY, 0, MeterMode.PREPAID), -20);
		assertThat(cut.commands()).isEmpty();
		Decision credit = this.rules.onCredit(PREMISE, this.standard, cut.next(), 50_000, 49_980, WEEKDAY);
		assertThat(credit.commands()).extracting(CommandRequest::command)
			.containsExactly(DeviceCommand.SET_BALANCE, DeviceCommand.RELAY_ON);
		assertThat(credit.commands().get(0).balancePaise()).isEqualTo(49_980);
		assertThat(credit.commands().get(0).sequence()).isLessThan(credit.commands().get(1).sequence());
		// The set may not erase credit the meter gained meanwhile: it allows for the 0
		// the meter showed.
		assertThat(credit.commands().get(0).expectedMeterBalancePaise()).isZero();
		assertThat(credit.next().supplyOwedSince()).isEqualTo(WEEKDAY);
	}

	@Test
	void aRelayOffThatWasReportedFailedStillGetsARelayOnOnceTheMeterIsSeenOffAndCredited() {
		// Defect 1: write accepted, read-back failed, command expired: reported failed,
		// so the premise was left OWED; the relay was in fact off, and a credit sent
		// nothing.
		Decision cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), -300);
		CommandRequest off = cut.relay().orElseThrow();
		PolicyState failed = this.rules.onOutcome(PREMISE, this.standard, cut.next(), failed(off, "expired"), -300)
			.orElseThrow()
			.next();
		assertThat(failed.phase()).isEqualTo(RelayPhase.OWED);
		Instant later = WEEKDAY.plusSeconds(120);
		PolicyState seenOff = at(later)
			.onSnapshot(PREMISE, this.standard, failed, relayOff(later, 0, MeterMode.POSTPAID), -310)
			.next();
		Decision credit = at(later).onCredit(PREMISE, this.standard, seenOff, 1_000, 690, later);
		assertThat(credit.relay()).hasValueSatisfying((r) -> assertThat(r.relayOn()).isTrue());
	}

	@Test
	void anExpiredRestoreIsAskedAgainEvenAfterFixedChargesOpenedANewEpisode() {
		// Defect 1, second case: the restore's relay-on expired while the meter was
		// offline and fixed charges took the balance below zero again (a new episode);
		// the supply stayed off, and the next credit must still switch it on.
		Decision cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000),
				relayOff(WEEKDAY, 0, MeterMode.POSTPAID), -300);
		Decision restore = this.rules.onCredit(PREMISE, this.standard, cut.next(), 500, 200, WEEKDAY);
		CommandRequest on = restore.relay().orElseThrow();
		// An expired restore is asked again at once, under a new id.
		Decision again = this.rules.onOutcome(PREMISE, this.standard, restore.next(), failed(on, "expired"), 200)
			.orElseThrow();
		CommandRequest second = again.relay().orElseThrow();
		assertThat(second.relayOn()).isTrue();
		assertThat(second.commandId()).isNotEqualTo(on.commandId());
		Decision charged = this.rules.onCredit(PREMISE, this.standard, again.next(), 1, -50, WEEKDAY);
		assertThat(charged.next().phase()).isEqualTo(RelayPhase.OWED);
		PolicyState expired = this.rules
			.onOutcome(PREMISE, this.standard, charged.next(), failed(second, "expired"), -50)
			.orElseThrow()
			.next();
		assertThat(expired.relayCommand().status()).isEqualTo(Status.FAILED);
		Decision paid = this.rules.onCredit(PREMISE, this.standard, expired, 1_000, 950, WEEKDAY);
		assertThat(paid.relay()).hasValueSatisfying((r) -> {
			assertThat(r.relayOn()).isTrue();
			assertThat(r.commandId()).isNotIn(on.commandId(), second.commandId());
		});
	}

	@Test
	void keepsAskingForTheSupplyOncePerNewerReadingUntilOneShowsItOn() {
		Decision cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000),
				relayOff(WEEKDAY, 0, MeterMode.POSTPAID), -300);
		Decision restore = this.rules.onCredit(PREMISE, this.standard, cut.next(), 500, 200, WEEKDAY);
		CommandRequest on = restore.relay().orElseThrow();
		PolicyState done = this.rules.onOutcome(PREMISE, this.standard, restore.next(), completed(on, null, null), 200)
			.orElseThrow()
			.next();
		// No newer reading yet: nothing more to ask.
		assertThat(this.rules.onTick(PREMISE, this.standard, done, 200).commands()).isEmpty();
		Instant later = WEEKDAY.plusSeconds(30);
		Decision stillOff = at(later).onSnapshot(PREMISE, this.standard, done, relayOff(later, 0, MeterMode.POSTPAID),
				190);
		assertThat(stillOff.relay()).hasValueSatisfying((r) -> {
			assertThat(r.relayOn()).isTrue();
			assertThat(r.commandId()).isNotEqualTo(on.commandId());
		});
		Instant latest = later.plusSeconds(30);
		Decision seenOn = at(latest).onSnapshot(PREMISE, this.standard, stillOff.next(), online(latest), 180);
		assertThat(seenOn.next().supplyOwed()).isFalse();
		assertThat(seenOn.commands()).isEmpty();
	}

	@Test
	void reportsAnOwedSupplyOverdueOnceAfterTheConfiguredTime() {
		Decision cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000),
				new Observation(WEEKDAY, true, false, 0L, MeterMode.MEASUREMENT, true), -300);
		Decision owed = this.rules.onCredit(PREMISE, this.standard, cut.next(), 500, 200, WEEKDAY);
		// A meter in MEASUREMENT mode refuses a relay-on: nothing is sent, an operator
		// must look.
		assertThat(owed.commands()).isEmpty();
		assertThat(owed.next().supplyOwedSince()).isEqualTo(WEEKDAY);
		assertThat(at(WEEKDAY.plus(Duration.ofMinutes(9))).onTick(PREMISE, this.standard, owed.next(), 200).overdue())
			.isFalse();
		Decision overdue = at(WEEKDAY.plus(Duration.ofMinutes(10))).onTick(PREMISE, this.standard, owed.next(), 200);
		assertThat(overdue.overdue()).isTrue();
		assertThat(
				at(WEEKDAY.plus(Duration.ofMinutes(11))).onTick(PREMISE, this.standard, overdue.next(), 200).overdue())
			.isFalse();
	}

	@Test
	void theFirstReadingOfAPremiseSendsNoCommand() {
		Decision onboarded = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000),
				relayOff(WEEKDAY, 1_000, MeterMode.POSTPAID), 1_000, true);
		assertThat(onboarded.commands()).isEmpty();
		// The next reading decides.
		Instant next = WEEKDAY.plusSeconds(30);
		assertThat(at(next)
			.onSnapshot(PREMISE, this.standard, onboarded.next(), relayOff(next, 1_000, MeterMode.POSTPAID), 1_000)
			.relay()).isPresent();
	}

	@Test
	void anAbandonedRelayOffIsRequestedAgainUnderANewId() {
		Decision cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), -300);
		PolicyState failed = this.rules
			.onOutcome(PREMISE, this.standard, cut.next(), failed(cut.relay().orElseThrow(), "expired"), -300)
			.orElseThrow()
			.next();
		Instant later = WEEKDAY.plusSeconds(60);
		Decision retry = at(later).onSnapshot(PREMISE, this.standard, failed, online(later), -320);
		assertThat(retry.relay()).hasValueSatisfying(
				(r) -> assertThat(r.commandId()).isEqualTo(CutoffPolicy.commandId(PREMISE, "relay-off", 1, 1)));
	}

	@Test
	void anOutcomeOfACommandThePremiseNoLongerTracksChangesNothing() {
		Decision cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), -300);
		assertThat(this.rules.onOutcome(PREMISE, this.standard, cut.next(),
				new CutoffPolicy.Outcome(UUID.randomUUID(), Status.FAILED, "superseded", null, null, null), -300))
			.isEmpty();
	}

	@Test
	void anOperatorSwitchingTheSupplyOnWaivesTheEpisodeAndForcingItOffHoldsIt() {
		PolicyState cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), -300).next();
		Decision waived = this.rules.onOperator(this.standard, cut, true, UUID.randomUUID(), "operator: test", -300);
		assertThat(waived.next().phase()).isEqualTo(RelayPhase.WAIVED);
		assertThat(waived.commands()).extracting(CommandRequest::command).containsExactly(DeviceCommand.RELAY_ON);
		Instant later = WEEKDAY.plusSeconds(60);
		assertThat(at(later).onSnapshot(PREMISE, this.standard, waived.next(), online(later), -400).relay()).isEmpty();
		PolicyState held = this.rules
			.onOperator(this.standard, PolicyState.INITIAL, false, UUID.randomUUID(), "operator: test", 5_000)
			.next();
		assertThat(held.operatorHold()).isTrue();
		assertThat(this.rules.onCredit(PREMISE, this.standard, held, 100, 5_100, WEEKDAY).relay()).isEmpty();
	}

}
