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

	private static CutoffPolicy at(Instant serviceTime) {
		return new CutoffPolicy(STALENESS, Clock.fixed(serviceTime, ZoneOffset.UTC));
	}

	private static Observation online(Instant at) {
		return new Observation(at, true, true, 0L);
	}

	private PolicyState toppedUp(long paise) {
		return this.rules.onCredit(PREMISE, this.standard, PolicyState.INITIAL, paise, paise, WEEKDAY).next();
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
		// a
		// credit never sends a notice.
		Decision credit = this.rules.onCredit(PREMISE, this.standard, tenPercent.next(), 5_000, 6_000, WEEKDAY);
		assertThat(credit.notices()).isEmpty();
		assertThat(credit.next().crossedRungs()).isEmpty();
		Decision crossedAgain = this.rules.onSnapshot(PREMISE, this.standard, credit.next(),
				online(WEEKDAY.plusSeconds(180)), 1_500);
		assertThat(crossedAgain.notices()).extracting(LowBalanceNotice::rung).containsExactly("30%");
		assertThat(crossedAgain.notices().get(0).thresholdPaise()).isEqualTo(1_500);
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
			assertThat(request.relayOn()).isFalse();
			assertThat(request.commandId()).isEqualTo(CutoffPolicy.commandId(PREMISE, "relay-off", 1, 0));
		});
		assertThat(cut.next().phase()).isEqualTo(RelayPhase.CUT);
		Decision next = this.rules.onSnapshot(PREMISE, this.standard, cut.next(), online(WEEKDAY.plusSeconds(300)),
				-40);
		assertThat(next.relay()).isEmpty();
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
	void neverCutsOnASnapshotOlderThanTheStalenessBoundBehindTheNewestData() {
		PolicyState seen = this.rules
			.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY.plus(Duration.ofMinutes(20))), 10)
			.next();
		Decision late = this.rules.onSnapshot(PREMISE, this.standard, seen, online(WEEKDAY), -500);
		assertThat(late.relay()).isEmpty();
		assertThat(late.deferral()).hasValueSatisfying((d) -> assertThat(d.reason()).isEqualTo(DeferralReason.STALE));
		assertThat(late.next().latest().observedAt()).isEqualTo(WEEKDAY.plus(Duration.ofMinutes(20)));
		Decision withinBound = this.rules.onSnapshot(PREMISE, this.standard, seen,
				online(WEEKDAY.plus(Duration.ofMinutes(5))), -500);
		assertThat(withinBound.relay()).isPresent();
	}

	@Test
	void insideAWindowSchedulesTheCutoffForTheWindowsEndAndTheJobExecutesItThen() {
		Instant sundayNoon = ist("2025-09-07T12:00:00");
		Decision deferred = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(sundayNoon), -10);
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
		PolicyState recent = this.rules
			.onSnapshot(PREMISE, this.standard, deferred.next(), online(ist("2025-09-08T09:55:00")), -12)
			.next();
		Decision due = at(ist("2025-09-08T10:00:00")).onTick(PREMISE, this.standard, recent, -12);
		assertThat(due.relay()).hasValueSatisfying((r) -> assertThat(r.relayOn()).isFalse());
		assertThat(due.next().scheduledCutoffAt()).isNull();
	}

	@Test
	void theFirstSnapshotAfterTheWindowCutsWithTheSameIdTheJobWouldHaveUsed() {
		Decision deferred = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000),
				online(ist("2025-09-08T21:00:00")), -10);
		Decision after = this.rules.onSnapshot(PREMISE, this.standard, deferred.next(),
				online(ist("2025-09-09T10:00:30")), -20);
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
		Decision beyond = this.rules.onSnapshot(PREMISE, emergency, within.next(), online(WEEKDAY.plusSeconds(60)),
				-5_001);
		assertThat(beyond.relay()).isPresent();
		// Two days after first going negative (Wednesday 11:00 IST) the line is zero
		// again.
		Decision dayOne = this.rules.onSnapshot(PREMISE, emergency, within.next(), online(ist("2025-09-10T10:59:00")),
				-100);
		assertThat(dayOne.relay()).isEmpty();
		Decision expired = this.rules.onSnapshot(PREMISE, emergency, dayOne.next(), online(ist("2025-09-10T11:00:00")),
				-100);
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
		Decision second = this.rules.onSnapshot(PREMISE, this.standard, restored.next(),
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
	void aMeterThatEnforcesItselfIsNeverSwitchedByThePolicy() {
		PremisePolicy meter = new PremisePolicy(EnforcementMode.METER, List.of(LadderRung.percent(0)),
				FriendlyWindows.standard(), EmergencyCredit.NONE, 1);
		Decision decision = this.rules.onSnapshot(PREMISE, meter,
				this.rules.onCredit(PREMISE, meter, PolicyState.INITIAL, 500, 500, WEEKDAY).next(), online(WEEKDAY),
				-500);
		assertThat(decision.relay()).isEmpty();
		assertThat(decision.notices()).extracting(LowBalanceNotice::rung).containsExactly("0%");
		assertThat(this.rules.onCredit(PREMISE, meter, decision.next(), 1_000, 500, WEEKDAY).relay()).isEmpty();
	}

	@Test
	void anAbandonedRelayOffIsRequestedAgainUnderANewId() {
		PolicyState cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), -300).next();
		PolicyState failed = cut.withOutcome(RelayCommand.Status.FAILED, null);
		Decision retry = this.rules.onSnapshot(PREMISE, this.standard, failed, online(WEEKDAY.plusSeconds(60)), -320);
		assertThat(retry.relay()).hasValueSatisfying(
				(r) -> assertThat(r.commandId()).isEqualTo(CutoffPolicy.commandId(PREMISE, "relay-off", 1, 1)));
	}

	@Test
	void anOperatorSwitchingTheSupplyOnWaivesTheEpisodeAndForcingItOffHoldsIt() {
		PolicyState cut = this.rules.onSnapshot(PREMISE, this.standard, toppedUp(1_000), online(WEEKDAY), -300).next();
		PolicyState waived = this.rules.onOperator(this.standard, cut, true, UUID.randomUUID(), -300);
		assertThat(waived.phase()).isEqualTo(RelayPhase.WAIVED);
		assertThat(this.rules.onSnapshot(PREMISE, this.standard, waived, online(WEEKDAY.plusSeconds(60)), -400).relay())
			.isEmpty();
		PolicyState held = this.rules.onOperator(this.standard, PolicyState.INITIAL, false, UUID.randomUUID(), 5_000);
		assertThat(held.operatorHold()).isTrue();
		assertThat(this.rules.onCredit(PREMISE, this.standard, held, 100, 5_100, WEEKDAY).relay()).isEmpty();
	}

}
