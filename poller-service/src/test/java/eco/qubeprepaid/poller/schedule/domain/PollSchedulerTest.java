package eco.qubeprepaid.poller.schedule.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollSchedulerTest {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final SchedulePolicy policy = SchedulePolicy.of(Duration.ofMinutes(10), Duration.ofSeconds(30));

	@Test
	void pollsTheMeterClosestToRunningOutFirst() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		// Both polled twice, 5 minutes apart: "slow" spends 60 paise/h of 10000, "fast"
		// 6000 paise/h of 5000, so fast runs out in 50 minutes and slow in days.
		for (String id : List.of("slow", "fast")) {
			scheduler.track(id, null, null, true);
		}
		poll(scheduler, T0, Map.of("slow", 10_005L, "fast", 5_500L));
		poll(scheduler, T0.plusSeconds(300), Map.of("slow", 10_000L, "fast", 5_000L));

		assertThat(scheduler.timeToZero("fast")).contains(Duration.ofMinutes(50));
		assertThat(scheduler.next(T0.plusSeconds(600))).contains("fast");
		assertThat(scheduler.next(T0.plusSeconds(600))).contains("slow");
	}

	@Test
	void neverPolledAndFloorOverdueMetersGoAheadOfCloseToEmptyOnes() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("empty", T0, 0L, true);
		scheduler.track("stale", T0.minusSeconds(540), 50_000L, true);
		scheduler.track("new", null, null, true);

		assertThat(scheduler.next(T0.plusSeconds(60))).contains("new");
		assertThat(scheduler.next(T0.plusSeconds(60))).contains("stale");
		assertThat(scheduler.next(T0.plusSeconds(60))).contains("empty");
		assertThat(scheduler.next(T0.plusSeconds(60))).isEmpty();
	}

	@Test
	void everyMeterIsPolledWithinTheFloorWhenTheBudgetSuffices() {
		// 100 meters, one poll every 4 s (budget 150 per 10 min); 20 are nearly empty and
		// would be polled every 30 s if they could.
		PollScheduler scheduler = new PollScheduler(this.policy, 100);
		Map<String, Long> balances = new HashMap<>();
		for (int i = 0; i < 100; i++) {
			scheduler.track("m" + i, null, null, true);
			balances.put("m" + i, (i < 20) ? 100L : 1_000_000L);
		}
		Map<String, Instant> last = new HashMap<>();
		Duration worst = Duration.ZERO;
		for (Instant now = T0; now.isBefore(T0.plus(Duration.ofHours(2))); now = now.plusSeconds(4)) {
			String id = scheduler.next(now).orElseThrow();
			if (last.containsKey(id)) {
				Duration gap = Duration.between(last.get(id), now);
				worst = (gap.compareTo(worst) > 0) ? gap : worst;
			}
			last.put(id, now);
			balances.merge(id, -1L, Long::sum);
			scheduler.polled(id, supplied(now, Math.max(0, balances.get(id))));
		}
		assertThat(last).hasSize(100);
		assertThat(worst).isLessThanOrEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void spendsSpareBudgetOnMetersPolledAtLeastTheMinimumIntervalAgoFurthestThroughTheirIntervalFirst() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("a", T0, 1_000L, true);
		scheduler.track("b", T0.plusSeconds(10), 1_000L, true);
		scheduler.track("c", T0.plusSeconds(30), 1_000L, true);

		Instant now = T0.plusSeconds(45);
		assertThat(scheduler.isDue("a", now)).isFalse();
		List<String> handedOut = new ArrayList<>();
		Optional<String> next;
		while ((next = scheduler.next(now)).isPresent()) {
			handedOut.add(next.get());
		}
		// c was polled 15 s ago, less than the 30 s minimum: it waits.
		assertThat(handedOut).containsExactly("a", "b");
	}

	@Test
	void spareBudgetGoesRoundTheMetersInsteadOfToTheFewWithTheShortestIntervals() {
		// Seen on the demo: with spare budget the meter due soonest was re-read in every
		// free slot, so two nearly empty meters got a read every ~2 s (some 0.07 s apart)
		// and the others one per floor. 40 meters, one poll a second for 20 minutes.
		PollScheduler scheduler = new PollScheduler(this.policy, 100);
		Map<String, Long> balances = new HashMap<>();
		for (int i = 0; i < 40; i++) {
			scheduler.track("m" + i, null, null, true);
			balances.put("m" + i, (i < 2) ? 300L : 1_000_000L);
		}
		Map<String, Integer> polls = new HashMap<>();
		Map<String, Instant> last = new HashMap<>();
		Duration shortest = Duration.ofDays(1);
		for (Instant now = T0; now.isBefore(T0.plus(Duration.ofMinutes(20))); now = now.plusSeconds(1)) {
			Optional<String> next = scheduler.next(now);
			if (next.isEmpty()) {
				continue;
			}
			String id = next.get();
			if (last.containsKey(id)) {
				Duration gap = Duration.between(last.get(id), now);
				shortest = (gap.compareTo(shortest) < 0) ? gap : shortest;
			}
			last.put(id, now);
			polls.merge(id, 1, Integer::sum);
			balances.merge(id, -1L, Long::sum);
			scheduler.polled(id, supplied(now, Math.max(0, balances.get(id))));
		}
		assertThat(shortest).as("the shortest time between two polls of one meter")
			.isGreaterThanOrEqualTo(Duration.ofSeconds(30));
		int most = polls.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
		int least = polls.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
		// 20 minutes at one poll per 30 s is 40 polls at most; everyone gets a share.
		assertThat(most).isLessThanOrEqualTo(41);
		assertThat(least).isGreaterThanOrEqualTo(20);
	}

	@Test
	void handsEachMeterToOneWorkerAtATimeAndWaitsForItsGapFill() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("filling", T0.minusSeconds(3600), 1_000L, false);
		scheduler.track("live", null, null, true);

		assertThat(scheduler.next(T0)).contains("live");
		assertThat(scheduler.next(T0)).isEmpty();
		scheduler.markReady("filling");
		assertThat(scheduler.next(T0)).contains("filling");
		scheduler.release("live");
		assertThat(scheduler.next(T0)).contains("live");
	}

	@Test
	void aSwitchedOffMeterDoesNotTakeTheNextPollFromAMeterAboutToRunOut() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("off", null, null, true);
		scheduler.track("low", null, null, true);
		scheduler.next(T0);
		scheduler.next(T0);
		scheduler.polled("off", switchedOff(T0, -500L));
		scheduler.polled("low", supplied(T0, 1_000L));
		scheduler.next(T0.plusSeconds(60));
		scheduler.polled("low", supplied(T0.plusSeconds(60), 950L));

		// "low" spends 3000 paise/h of 950: 19 minutes left, revisited every 114 s. "off"
		// is below zero but draws nothing, so it has no prediction and is not due for
		// the whole floor; before, its balance alone made it due every 30 s.
		assertThat(scheduler.timeToZero("low")).contains(Duration.ofMinutes(19));
		assertThat(scheduler.timeToZero("off")).isEmpty();
		assertThat(scheduler.isDue("off", T0.plusSeconds(120))).isFalse();
		assertThat(scheduler.dueCount(T0.plusSeconds(180))).isEqualTo(1);
		assertThat(scheduler.next(T0.plusSeconds(180))).contains("low");
	}

	@Test
	void switchedOffMetersArePolledWithinTheFloorAndLeaveTheRestOfTheBudgetToTheOthers() {
		// 20 meters, one poll every 10 s for 2 h: m0..m9 switched off below zero, the
		// others supplied and spending 600 paise/h of 600, so they run out within the
		// run and would take every poll they could get.
		PollScheduler scheduler = new PollScheduler(this.policy, 20);
		for (int i = 0; i < 20; i++) {
			scheduler.track("m" + i, null, null, true);
		}
		Map<String, Instant> last = new HashMap<>();
		Map<String, Integer> pollsOfSwitchedOff = new HashMap<>();
		Duration worstSwitchedOffGap = Duration.ZERO;
		for (Instant now = T0; now.isBefore(T0.plus(Duration.ofHours(2))); now = now.plusSeconds(10)) {
			String id = scheduler.next(now).orElseThrow();
			if (Integer.parseInt(id.substring(1)) < 10) {
				pollsOfSwitchedOff.merge(id, 1, Integer::sum);
				if (last.containsKey(id)) {
					Duration gap = Duration.between(last.get(id), now);
					worstSwitchedOffGap = (gap.compareTo(worstSwitchedOffGap) > 0) ? gap : worstSwitchedOffGap;
				}
				scheduler.polled(id, switchedOff(now, -100L));
			}
			else {
				scheduler.polled(id, supplied(now, 600 - Duration.between(T0, now).toSeconds() / 6));
			}
			last.put(id, now);
		}
		assertThat(pollsOfSwitchedOff).hasSize(10);
		assertThat(worstSwitchedOffGap).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
		// Once per floor line (8 minutes) over 2 hours is 15 polls each; spare polls go
		// to whoever has waited longest against its own revisit, so a switched-off meter
		// gets a few more, never anything like the 240 of the minimum interval, and the
		// meters that are running out get at least three polls in four.
		assertThat(pollsOfSwitchedOff.values()).allSatisfy((polls) -> assertThat(polls).isBetween(12, 24));
		int switchedOffTotal = pollsOfSwitchedOff.values().stream().mapToInt(Integer::intValue).sum();
		assertThat(switchedOffTotal).isLessThanOrEqualTo(720 / 4);
	}

	@Test
	void aRestoredMeterKeepsTheSpendRateMeasuredWhileItWasSupplied() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("m", null, null, true);
		pollOne(scheduler, supplied(T0, 1_000L));
		pollOne(scheduler, supplied(T0.plusSeconds(60), 900L));
		pollOne(scheduler, switchedOff(T0.plusSeconds(120), -10L));
		pollOne(scheduler, switchedOff(T0.plusSeconds(720), -10L));
		assertThat(scheduler.timeToZero("m")).isEmpty();

		// 6000 paise/h measured while supplied; neither the fall to the cut-off nor the
		// flat balance while switched off is spending, and the top-up is a rise.
		pollOne(scheduler, supplied(T0.plusSeconds(1_320), 5_000L));
		assertThat(scheduler.timeToZero("m")).contains(Duration.ofMinutes(50));
	}

	@Test
	void anOfflinePollMovesNeitherTheBalanceNorTheSpendRate() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("m", null, null, true);
		pollOne(scheduler, supplied(T0, 1_000L));
		pollOne(scheduler, supplied(T0.plusSeconds(60), 900L));
		pollOne(scheduler, new PollOutcome(T0.plusSeconds(120), 900L, true, false));

		// 900 paise at 6000 paise/h; the cloud's unchanged value read while the meter was
		// offline is no sign that spending stopped.
		assertThat(scheduler.timeToZero("m")).contains(Duration.ofMinutes(9));
		assertThat(scheduler.isDue("m", T0.plusSeconds(120 + 53))).isFalse();
		assertThat(scheduler.isDue("m", T0.plusSeconds(120 + 54))).isTrue();
	}

	@Test
	void aPremiseWhoseLedgerRunsDownWhileItsMeterStaysFlatIsPolledAheadOfMetersWithMoreTimeLeft() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		for (String id : List.of("postpaid", "prepaid", "idle")) {
			scheduler.track(id, null, null, true);
		}
		// The POSTPAID meter's own balance stays at 50000 between syncs; "prepaid" spends
		// 6000 paise/h of 5000 (50 minutes left); "idle" spends nothing.
		for (Instant at : List.of(T0, T0.plusSeconds(300))) {
			scheduler.polled("postpaid", supplied(at, 50_000L));
			scheduler.polled("prepaid", supplied(at, at.equals(T0) ? 5_500L : 5_000L));
			scheduler.polled("idle", supplied(at, 20_000L));
		}
		assertThat(scheduler.timeToZero("postpaid")).isEmpty();

		// Its ledger, debited after each poll, falls 500 paise in 5 minutes to 2500: 25
		// minutes left, half the time "prepaid" has.
		assertThat(scheduler.ledgerBalance("postpaid", LedgerBalance.afterConsumption(T0.plusSeconds(2), 3_000L)))
			.isEqualTo(LedgerUpdate.APPLIED);
		assertThat(scheduler.ledgerBalance("postpaid", LedgerBalance.afterConsumption(T0.plusSeconds(302), 2_500L)))
			.isEqualTo(LedgerUpdate.APPLIED);

		assertThat(scheduler.timeToZero("postpaid")).contains(Duration.ofMinutes(25));
		assertThat(scheduler.next(T0.plusSeconds(600))).contains("postpaid");
		assertThat(scheduler.next(T0.plusSeconds(600))).contains("prepaid");
		assertThat(scheduler.next(T0.plusSeconds(600))).contains("idle");
	}

	@Test
	void aStaleLedgerBalanceDoesNotOverrideANewerOne() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("m", T0, 50_000L, true);
		scheduler.ledgerBalance("m", LedgerBalance.afterConsumption(T0.plusSeconds(60), 1_000L));
		scheduler.ledgerBalance("m", LedgerBalance.afterConsumption(T0.plusSeconds(120), 400L));
		// 600 paise in a minute is 36000 paise/h: 400 paise last 40 s.
		assertThat(scheduler.timeToZero("m")).contains(Duration.ofSeconds(40));

		// A redelivered earlier debit must not put back the balance of before the later
		// one, nor teach the rate a rise.
		assertThat(scheduler.ledgerBalance("m", LedgerBalance.afterConsumption(T0.plusSeconds(90), 900L)))
			.isEqualTo(LedgerUpdate.STALE);
		assertThat(scheduler.timeToZero("m")).contains(Duration.ofSeconds(40));
		assertThat(scheduler.ledgerBalance("elsewhere", LedgerBalance.afterConsumption(T0, 100L)))
			.isEqualTo(LedgerUpdate.UNKNOWN_PREMISE);
	}

	@Test
	void aCreditOrAFixedChargeMovesTheLedgerBalanceButNotItsSpendRate() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("m", T0, 50_000L, true);
		scheduler.ledgerBalance("m", LedgerBalance.afterConsumption(T0, 10_000L));
		scheduler.ledgerBalance("m", LedgerBalance.afterConsumption(T0.plusSeconds(60), 9_900L));

		// 6000 paise/h from the energy debits; the day's fixed charge of 1000 paise a
		// second later is not a rate of 60000 paise/min.
		scheduler.ledgerBalance("m", LedgerBalance.afterStep(T0.plusSeconds(61), 8_900L));
		assertThat(scheduler.timeToZero("m")).contains(Duration.ofMinutes(89));
		scheduler.ledgerBalance("m", LedgerBalance.afterStep(T0.plusSeconds(120), 20_000L));
		assertThat(scheduler.timeToZero("m")).contains(Duration.ofMinutes(200));
		scheduler.ledgerBalance("m", LedgerBalance.afterConsumption(T0.plusSeconds(180), 19_900L));
		assertThat(scheduler.timeToZero("m")).contains(Duration.ofMinutes(199));
	}

	@Test
	void aSwitchedOffPremiseInDebtWithTheLedgerHasNoPrediction() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("cut", null, null, true);
		pollOne(scheduler, switchedOff(T0, 0L));
		scheduler.ledgerBalance("cut", LedgerBalance.afterStep(T0.plusSeconds(1), -2_000L));

		// Cut off for its debt, it draws nothing: revisited at the floor, not every 30 s.
		assertThat(scheduler.timeToZero("cut")).isEmpty();
		assertThat(scheduler.isDue("cut", T0.plusSeconds(120))).isFalse();
	}

	@Test
	void aMeterThatDoesNotSpendItsBalanceIsNotEmptyAndWaitsForTheFloor() {
		// A measurement or POSTPAID meter: its balance (0 here, seeded from the last
		// reading at start-up) is not deducted, so the poll reports none. Seen as
		// "already
		// empty" it would be polled at the minimum interval for ever.
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("common", T0.minusSeconds(60), 0L, true);
		scheduler.track("flat", T0.minusSeconds(60), 50_000L, true);
		assertThat(scheduler.timeToZero("common")).contains(Duration.ZERO);
		pollOne(scheduler, new PollOutcome(T0, null, true, true));
		assertThat(scheduler.timeToZero("common")).isEmpty();
		assertThat(scheduler.isDue("common", T0.plusSeconds(60))).isFalse();
		assertThat(scheduler.isDue("common", T0.plus(Duration.ofMinutes(10)))).isTrue();
	}

	private static PollOutcome supplied(Instant at, long balancePaise) {
		return new PollOutcome(at, balancePaise, true, true);
	}

	private static PollOutcome switchedOff(Instant at, long balancePaise) {
		return new PollOutcome(at, balancePaise, false, true);
	}

	private static void pollOne(PollScheduler scheduler, PollOutcome outcome) {
		String id = scheduler.next(outcome.at()).orElseThrow();
		scheduler.polled(id, outcome);
	}

	private static void poll(PollScheduler scheduler, Instant at, Map<String, Long> balances) {
		for (int i = 0; i < balances.size(); i++) {
			String id = scheduler.next(at).orElseThrow();
			scheduler.polled(id, supplied(at, balances.get(id)));
		}
	}

}
