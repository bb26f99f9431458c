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
			scheduler.polled(id, now, Math.max(0, balances.get(id)));
		}
		assertThat(last).hasSize(100);
		assertThat(worst).isLessThanOrEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void spendsTheWholeBudgetEvenWhenNoMeterIsDue() {
		PollScheduler scheduler = new PollScheduler(this.policy, 10);
		scheduler.track("a", T0, 1_000L, true);
		scheduler.track("b", T0.plusSeconds(10), 1_000L, true);

		Instant now = T0.plusSeconds(20);
		assertThat(scheduler.isDue("a", now)).isFalse();
		List<String> handedOut = new ArrayList<>();
		Optional<String> next;
		while ((next = scheduler.next(now)).isPresent()) {
			handedOut.add(next.get());
		}
		assertThat(handedOut).containsExactly("a", "b");
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

	private static void poll(PollScheduler scheduler, Instant at, Map<String, Long> balances) {
		for (int i = 0; i < balances.size(); i++) {
			String id = scheduler.next(at).orElseThrow();
			scheduler.polled(id, at, balances.get(id));
		}
	}

}
