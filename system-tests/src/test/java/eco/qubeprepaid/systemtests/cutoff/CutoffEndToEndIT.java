package eco.qubeprepaid.systemtests.cutoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.LowBalanceReached;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.systemtests.cutoff.CutoffLab.Premise;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import eco.qubeprepaid.testsupport.TestServers;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, must-show 2, end to end on the real path: the sandbox's meter is read by
 * poller-service, the snapshot goes through Kafka to balance-service, whose policy
 * decides and puts a relay command on Kafka, which poller-service executes at the
 * sandbox. Every premise is system-enforced: its meter runs in POSTPAID mode, so only the
 * system switches its relay (a PREPAID meter would cut itself, whatever the policy).
 * <p>
 * What is proven, each on premises of its own (see {@link CutoffLab} for why):
 * <ol>
 * <li>a premise that runs out outside any friendly window is cut at the sandbox within
 * two poll cycles of the first snapshot that took its ledger balance below zero;</li>
 * <li>inside a friendly window it is not cut over several poll cycles, and is cut within
 * two poll cycles once the window ends (the window is shortened through the policy API to
 * end a few seconds later, and then ends by itself);</li>
 * <li>an offline meter is never cut: neither one the ledger knows to owe a cut-off (it
 * ran out in a window that ended while the meter was offline) nor one that ran out only
 * physically while offline; both are cut once back online;</li>
 * <li>a credit switches a cut premise back on at the sandbox;</li>
 * <li>{@code LowBalanceReached} is emitted once per rung per downward crossing, and again
 * after a credit re-armed the rungs.</li>
 * </ol>
 * Times of polls are the snapshots' {@code observedAt} (the poller's real clock); the
 * time of a cut is the sandbox's own record of the relay opening, converted from
 * simulated to real time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CutoffEndToEndIT {

	/** About how long a credit lasts at the meter's current power. */
	private static final Duration RUN_OUT = Duration.ofSeconds(4);

	/** The bound of every wait for a meter to run out (the load varies with the hour). */
	private static final Duration RUN_OUT_BOUND = Duration.ofSeconds(60);

	/** The bound of every wait for a command to reach the sandbox. */
	private static final Duration COMMAND_BOUND = Duration.ofSeconds(20);

	/** "Several poll cycles": how many polls a premise must be seen not cut. */
	private static final int HOLD_POLLS = 3;

	/**
	 * The shortest poll cycle: the harness's {@code qp.poller.min-poll-interval}, the
	 * least time the poller's scheduler waits before it means to read a meter again. When
	 * the budget has spare slots the scheduler also re-reads the meter it considers
	 * closest to empty in every free slot (tens of milliseconds apart here); those extra
	 * reads are not cycles, or "two poll cycles" would be shorter than one round trip
	 * through Kafka.
	 */
	private static final Duration MIN_POLL_CYCLE = Duration.ofMillis(200);

	/**
	 * The shortest poll cycle the cut-off bound is measured in. The path from a snapshot
	 * to the relay opening crosses Kafka three times and commits in both services; on a
	 * busy 2-core machine that takes up to about a second, while the harness polls every
	 * 200 ms. In production the cycle is at least {@code qp.poller.min-poll-interval} (30
	 * s), so a one-second floor keeps the check meaningful without timing the machine.
	 */
	private static final Duration CUT_CYCLE_FLOOR = Duration.ofSeconds(1);

	/** How long a shortened window still lasts. */
	private static final Duration WINDOW_TAIL = Duration.ofSeconds(3);

	private final CutoffLab lab = new CutoffLab();

	private EventTap balanceEvents;

	private EventTap commands;

	@BeforeAll
	void startTaps() {
		String kafka = TestServers.get().kafkaBootstrapServers();
		this.balanceEvents = new EventTap(kafka, Topics.BALANCE_EVENTS, Set.of(EventType.LOW_BALANCE_REACHED));
		this.commands = new EventTap(kafka, Topics.DEVICE_COMMANDS, Set.of(EventType.DEVICE_COMMAND_REQUESTED));
	}

	@AfterEach
	void pauseTheSimulatedClock() {
		// The clock is shared by every test of the JVM, which expect it paused.
		this.lab.pause();
	}

	@AfterAll
	void stopTaps() {
		this.balanceEvents.close();
		this.commands.close();
	}

	@Test
	void cutsAPremiseThatRunsOutOutsideAFriendlyWindowAtTheSandboxWithinTwoPollCycles() {
		Premise premise = this.lab.newPremises(1).get(0);
		this.lab.noWindow(premise);
		long credit = this.lab.fundFor(premise, RUN_OUT);
		Instant started = this.lab.clock().instant();
		this.lab.run();

		Instant cut = awaitCutAtSandbox(premise, started, RUN_OUT_BOUND);
		DeviceSnapshotted decisive = this.lab.snapshotThatWentNegative(premise)
			.orElseThrow(() -> new AssertionError("no snapshot took " + premise + " below zero"));
		Instant negative = decisive.observedAt().toInstant();
		PollTimeline timeline = this.lab.timeline(premise);
		Duration cycle = timeline.medianCycleUntil(cut);
		report("outside a window: %s credited %d p, ran out after %d ms, cut %d ms after the first negative"
				+ " snapshot, %d poll(s) in between, poll cycle %d ms (meter balance shown %s p)", premise, credit,
				Duration.between(started, negative).toMillis(), Duration.between(negative, cut).toMillis(),
				timeline.pollsBetween(negative, cut), cycle.toMillis(), decisive.balancePaise());

		assertWithinTwoPollCycles(negative, cut, cycle);
		// A poll stamped within milliseconds of the switch may have read the relay still
		// on
		// (the sandbox's switch time is converted from simulated time): a later one shows
		// it off.
		await("a snapshot showing the relay off").atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(this.lab.timeline(premise).after(cut)).as("polls after the cut")
				.anySatisfy((s) -> assertThat(s.relayOn()).as("relay in %s", s).isFalse()));
		awaitRelayView(premise, "CUT", false);
		awaitRelayCommands(premise, DeviceCommand.RELAY_OFF, 1);
	}

	@Test
	void defersTheCutOffWhileAFriendlyWindowLastsAndCutsWithinTwoPollCyclesOnceItEnds() {
		Premise premise = this.lab.newPremises(1).get(0);
		Instant scheduled = this.lab.windowEndingIn(premise, Duration.ofMinutes(10));
		this.lab.fundFor(premise, RUN_OUT);
		this.lab.run();

		awaitOwed(premise, scheduled);
		DeviceSnapshotted decisive = this.lab.snapshotThatWentNegative(premise).orElseThrow();
		Instant negative = decisive.observedAt().toInstant();
		Map<Premise, List<DeviceSnapshotted>> held = holdOver(List.of(premise), negative);
		assertThat(held.get(premise)).as("snapshots inside the window")
			.allSatisfy((s) -> assertThat(s.relayOn()).as("relay in %s", s).isTrue());
		assertThat(this.lab.balance(premise)).as("ledger balance inside the window").isNegative();
		assertThat(relayCommands(premise, DeviceCommand.RELAY_OFF)).as("relay-off commands inside the window").isZero();

		Instant end = this.lab.windowEndingIn(premise, WINDOW_TAIL);
		Instant cut = awaitCutAtSandbox(premise, negative, COMMAND_BOUND);
		PollTimeline timeline = this.lab.timeline(premise);
		Instant firstAfterEnd = timeline.firstAtOrAfter(end).orElseThrow().observedAt().toInstant();
		Duration cycle = timeline.medianCycle(negative, cut);
		report("inside a window: %s owed from %s, not cut over %d polls (%d ms); window shortened to end at %s,"
				+ " cut %d ms after the first snapshot past the end, %d poll(s) in between, poll cycle %d ms"
				+ " (meter balance shown %s p)", premise, negative, timeline.pollsBetween(negative, end) + 1,
				Duration.between(negative, end).toMillis(), end, Duration.between(firstAfterEnd, cut).toMillis(),
				timeline.pollsBetween(firstAfterEnd, cut), cycle.toMillis(), decisive.balancePaise());

		assertThat(cut).as("the cut at the sandbox").isAfterOrEqualTo(end);
		assertWithinTwoPollCycles(firstAfterEnd, cut, cycle);
		awaitRelayCommands(premise, DeviceCommand.RELAY_OFF, 1);
	}

	@Test
	void neverCutsAnOfflineMeterThatRanOutAndCutsItOnceItIsBackOnline() {
		List<Premise> premises = this.lab.newPremises(2);
		// "owed": runs out in a window while online, goes offline, and the window ends.
		Premise owed = premises.get(0);
		// "dark": goes offline funded and runs out while offline; the ledger cannot know.
		Premise dark = premises.get(1);
		Instant scheduled = this.lab.windowEndingIn(owed, Duration.ofMinutes(10));
		this.lab.noWindow(dark);
		this.lab.fundFor(owed, RUN_OUT);
		long darkCredit = this.lab.fundFor(dark, RUN_OUT);
		this.lab.online(dark, false);
		awaitOfflineSnapshot(dark);
		long darkRegister = this.lab.registerMilliWh(dark);
		long darkRate = this.lab.rate(dark);
		this.lab.run();

		awaitOwed(owed, scheduled);
		this.lab.online(owed, false);
		awaitOfflineSnapshot(owed);
		Instant end = this.lab.windowEndingIn(owed, WINDOW_TAIL);
		await("the offline meter " + dark + " runs out at the sandbox").atMost(RUN_OUT_BOUND)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> (this.lab.registerMilliWh(dark) - darkRegister) * darkRate / 1_000_000L > darkCredit);
		Instant from = later(end, this.lab.clock().instant());
		Map<Premise, List<DeviceSnapshotted>> held = holdOver(premises, from);
		report("offline: %s owed since a window that ended at %s and %s ran out unseen; %d and %d offline polls"
				+ " after %s (poll cycles %d ms and %d ms, meter balances %s p and %s p), neither cut;"
				+ " ledger balances %d p and %d p", owed, end, dark, held.get(owed).size(), held.get(dark).size(), from,
				cycleOf(held.get(owed)).toMillis(), cycleOf(held.get(dark)).toMillis(),
				held.get(owed).get(0).balancePaise(), held.get(dark).get(0).balancePaise(), this.lab.balance(owed),
				this.lab.balance(dark));

		held.forEach((premise, snapshots) -> assertThat(snapshots).as("snapshots of %s while offline", premise)
			.allSatisfy((s) -> assertThat(!s.online() && Boolean.TRUE.equals(s.relayOn()))
				.as("%s is offline with the relay on", s)
				.isTrue()));
		assertThat(this.lab.balance(owed)).as("ledger balance of %s", owed).isNegative();
		JsonNode owedView = this.lab.relayView(owed);
		assertThat(owedView.get("phase").asString()).as("phase of %s", owed).isEqualTo("OWED");
		assertThat(owedView.get("scheduledCutoffAt").isNull()).as("schedule of %s dropped while offline", owed)
			.isTrue();
		assertThat(relayCommands(owed, DeviceCommand.RELAY_OFF)).as("relay-off commands for %s", owed).isZero();
		assertThat(relayCommands(dark, DeviceCommand.RELAY_OFF)).as("relay-off commands for %s", dark).isZero();

		// The control: the same premises are cut as soon as fresh data from an online
		// meter arrives, so it was the offline meter that held the cut-off back.
		Instant back = this.lab.clock().instant();
		this.lab.online(owed, true);
		this.lab.online(dark, true);
		Instant owedCut = awaitCutAtSandbox(owed, back, COMMAND_BOUND);
		Instant darkCut = awaitCutAtSandbox(dark, back, COMMAND_BOUND);
		report("offline: back online at %s, %s cut after %d ms, %s cut after %d ms", back, owed,
				Duration.between(back, owedCut).toMillis(), dark, Duration.between(back, darkCut).toMillis());
		awaitRelayCommands(owed, DeviceCommand.RELAY_OFF, 1);
		awaitRelayCommands(dark, DeviceCommand.RELAY_OFF, 1);
	}

	@Test
	void aCreditSwitchesACutPremiseBackOnAtTheSandbox() {
		Premise premise = this.lab.newPremises(1).get(0);
		this.lab.noWindow(premise);
		this.lab.fundFor(premise, RUN_OUT);
		// Sized while the meter still draws power: once cut it draws nothing, and a
		// credit
		// sized then would run out again within moments of the restore.
		long keepOnPaise = this.lab.creditFor(premise, Duration.ofMinutes(2));
		Instant started = this.lab.clock().instant();
		this.lab.run();
		awaitCutAtSandbox(premise, started, RUN_OUT_BOUND);
		awaitRelayView(premise, "CUT", false);
		long owedPaise = -this.lab.balance(premise);
		assertThat(owedPaise).as("debt of the cut premise").isPositive();

		Instant paid = this.lab.clock().instant();
		this.lab.credit(premise, owedPaise + keepOnPaise);
		await("relay of " + premise + " back on at the sandbox").atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> this.lab.relayOn(premise));
		Instant restored = this.lab.relaySwitchedByClientAt(premise, true)
			.orElseThrow(() -> new AssertionError("the sandbox has no client relay-on of " + premise));
		report("restore: %s owed %d p, top-up published at %s, relay on at the sandbox %d ms later", premise, owedPaise,
				paid, Duration.between(paid, restored).toMillis());

		awaitRelayView(premise, "CLEAR", true);
		awaitRelayCommands(premise, DeviceCommand.RELAY_ON, 1);
		await("a snapshot showing the relay on").atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(50))
			// A poll stamped a few milliseconds around the switch may still have read the
			// relay off (the sandbox's switch time is converted from simulated time), so
			// wait
			// for any later poll to show it on.
			.untilAsserted(() -> assertThat(this.lab.timeline(premise).after(restored)).as("polls after the restore")
				.anySatisfy((s) -> assertThat(s.relayOn()).as("relay in %s", s).isTrue()));
	}

	@Test
	void emitsLowBalanceReachedOncePerRungAndCrossingAndAgainAfterACreditReArmedTheLadder() {
		Premise premise = this.lab.newPremises(1).get(0);
		this.lab.noWindow(premise);
		long firstCredit = this.lab.fundFor(premise, RUN_OUT);
		Instant started = this.lab.clock().instant();
		this.lab.run();
		Instant firstCut = awaitCutAtSandbox(premise, started, RUN_OUT_BOUND);
		List<LowBalanceReached> first = awaitSettledNotices(premise, firstCut, 3);

		long owedPaise = -this.lab.balance(premise);
		// Twice the debt: whatever the debt, the balance after the credit (the debt plus
		// a
		// run-out's worth) is above 30 % of the credit, so every rung is re-armed.
		long secondCredit = 2 * owedPaise + this.lab.creditFor(premise, RUN_OUT);
		this.lab.credit(premise, secondCredit);
		assertThat(secondCredit - owedPaise).as("balance after the credit, above the 30%% rung, so re-armed")
			.isGreaterThan(secondCredit * 30 / 100);
		await("relay of " + premise + " back on").atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.lab.relayOn(premise));
		Instant secondCut = awaitCutAtSandbox(premise, firstCut, RUN_OUT_BOUND);
		List<LowBalanceReached> all = awaitSettledNotices(premise, secondCut, 6);
		List<LowBalanceReached> second = all.subList(3, 6);
		report("low balance: %s credited %d p then %d p; notices %s then %s (%d records read)", premise, firstCredit,
				secondCredit, labels(first), labels(second),
				this.balanceEvents.of(premise.id(), LowBalanceReached.class).size());

		assertCrossing(first, firstCredit);
		assertCrossing(second, secondCredit);
	}

	/**
	 * Asserts that the cut reached the sandbox within two poll cycles of the snapshot
	 * that decided it; a cycle is the premise's median time between polls, and never less
	 * than {@link #CUT_CYCLE_FLOOR}.
	 */
	private static void assertWithinTwoPollCycles(Instant decisive, Instant cut, Duration medianCycle) {
		Duration cycle = (medianCycle.compareTo(CUT_CYCLE_FLOOR) > 0) ? medianCycle : CUT_CYCLE_FLOOR;
		assertThat(Duration.between(decisive, cut))
			.as("from the decisive snapshot to the cut at the sandbox, with a poll cycle of %d ms", cycle.toMillis())
			.isPositive()
			.isLessThanOrEqualTo(cycle.multipliedBy(2));
	}

	/**
	 * Waits until the sandbox shows the premise's relay open, then for the poller's next
	 * snapshot of it (so that the timeline up to the cut is complete), and returns when
	 * the sandbox opened the relay.
	 */
	private Instant awaitCutAtSandbox(Premise premise, Instant after, Duration bound) {
		await("relay of " + premise + " cut at the sandbox").atMost(bound)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> !this.lab.relayOn(premise));
		Instant cut = this.lab.relaySwitchedByClientAt(premise, false)
			.orElseThrow(() -> new AssertionError("the sandbox has no client relay-off of " + premise));
		assertThat(cut).as("the cut of %s", premise).isAfter(after);
		await("a snapshot of " + premise + " after the cut").atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.lab.timeline(premise).firstAtOrAfter(cut).isPresent());
		return cut;
	}

	/**
	 * Waits until balance-service owes the premise a cut-off deferred to the window's
	 * end, failing at once if its relay opens meanwhile.
	 */
	private void awaitOwed(Premise premise, Instant scheduled) {
		await("cut-off of " + premise + " deferred to " + scheduled).atMost(RUN_OUT_BOUND)
			.pollInterval(Duration.ofMillis(100))
			.failFast("relay of " + premise + " opened inside the window", () -> !this.lab.relayOn(premise))
			.ignoreExceptions()
			.untilAsserted(() -> {
				JsonNode view = this.lab.relayView(premise);
				assertThat(view.get("phase").asString()).as("phase").isEqualTo("OWED");
				assertThat(Instant.parse(view.get("scheduledCutoffAt").asString())).as("scheduled cut-off")
					.isEqualTo(scheduled);
			});
	}

	/**
	 * Watches premises over {@link #HOLD_POLLS} poll cycles after an instant (as many
	 * polls of each, and at least as many {@link #MIN_POLL_CYCLE}s), failing at once if
	 * the relay of any opens at the sandbox, and returns the snapshots seen.
	 */
	private Map<Premise, List<DeviceSnapshotted>> holdOver(Collection<Premise> premises, Instant from) {
		Instant until = from.plus(MIN_POLL_CYCLE.multipliedBy(HOLD_POLLS));
		await(HOLD_POLLS + " poll cycles of " + premises + " without a cut").atMost(RUN_OUT_BOUND)
			.pollInterval(Duration.ofMillis(100))
			.failFast("a relay of " + premises + " opened",
					() -> premises.stream().anyMatch((p) -> !this.lab.relayOn(p)))
			.until(() -> this.lab.clock().instant().isAfter(until)
					&& premises.stream().allMatch((p) -> this.lab.timeline(p).after(from).size() >= HOLD_POLLS));
		Map<Premise, List<DeviceSnapshotted>> held = new LinkedHashMap<>();
		premises.forEach((p) -> held.put(p, this.lab.timeline(p).after(from)));
		return held;
	}

	private void awaitOfflineSnapshot(Premise premise) {
		await("an offline snapshot of " + premise).atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.lab.latestSnapshot(premise).map((s) -> !s.online()).orElse(false));
	}

	private void awaitRelayView(Premise premise, String phase, boolean confirmedRelayOn) {
		await("relay view of " + premise).atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> {
				JsonNode view = this.lab.relayView(premise);
				assertThat(view.get("phase").asString()).as("phase").isEqualTo(phase);
				assertThat(view.get("confirmedRelayOn").asBoolean()).as("confirmed relay state")
					.isEqualTo(confirmedRelayOn);
			});
	}

	/**
	 * Waits for a premise's distinct low-balance notices to reach {@code count}, and for
	 * balance-service to have consumed every snapshot published so far (those after the
	 * cut included), then checks that the count stays put.
	 */
	private List<LowBalanceReached> awaitSettledNotices(Premise premise, Instant cut, int count) {
		await(count + " low-balance notices of " + premise).atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> notices(premise).size() >= count);
		await("at least " + HOLD_POLLS + " snapshots of " + premise + " after the cut").atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.lab.timeline(premise).after(cut).size() >= HOLD_POLLS);
		SystemUnderTest system = SystemUnderTest.get();
		// Not "no lag": the poller publishes several snapshots a second, so a moment with
		// nothing unconsumed may never be sampled (this wait failed on a busy machine).
		Map<TopicPartition, Long> published = system.kafka().endOffsets(Topics.DEVICE_SNAPSHOTS);
		await("balance-service consumed every snapshot published so far").atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> system.kafka().consumedUpTo("balance-snapshots", published));
		await("no further notice of " + premise).during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> notices(premise).size() == count);
		return notices(premise);
	}

	/** The premise's low-balance notices, one per event id, in the order read. */
	private List<LowBalanceReached> notices(Premise premise) {
		return this.balanceEvents.of(premise.id(), LowBalanceReached.class)
			.stream()
			.collect(Collectors.toMap(LowBalanceReached::eventId, (n) -> n, (a, b) -> a, LinkedHashMap::new))
			.values()
			.stream()
			.toList();
	}

	/** One notice per rung of the ladder, at the rung's value for that top-up. */
	private static void assertCrossing(List<LowBalanceReached> crossing, long topUp) {
		assertThat(crossing).as("notices of one crossing")
			.extracting(LowBalanceReached::threshold)
			.containsExactlyInAnyOrder("30%", "10%", "0%");
		for (LowBalanceReached notice : crossing) {
			long percent = Long.parseLong(notice.threshold().replace("%", ""));
			assertThat(notice.thresholdPaise()).as("value of %s", notice).isEqualTo(topUp * percent / 100);
			assertThat(notice.balancePaise()).as("balance of %s", notice).isLessThanOrEqualTo(notice.thresholdPaise());
		}
	}

	private static String labels(List<LowBalanceReached> notices) {
		return notices.stream()
			.map((n) -> n.threshold() + "@" + n.balancePaise() + "p")
			.collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * Waits until the commands tap has read {@code count} distinct commands of one kind
	 * for a premise, then checks over a poll cycle or two that no further one follows.
	 */
	private void awaitRelayCommands(Premise premise, DeviceCommand command, long count) {
		await(count + " " + command + " command(s) for " + premise).atMost(COMMAND_BOUND)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> relayCommands(premise, command) >= count);
		await("no further " + command + " command for " + premise).during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> relayCommands(premise, command) == count);
	}

	/**
	 * Distinct relay commands of one kind that balance-service requested for a premise.
	 */
	private long relayCommands(Premise premise, DeviceCommand command) {
		return this.commands.of(premise.id(), DeviceCommandRequested.class)
			.stream()
			.filter((c) -> c.command() == command)
			.map(DeviceCommandRequested::commandId)
			.distinct()
			.count();
	}

	private static Duration cycleOf(List<DeviceSnapshotted> snapshots) {
		return new PollTimeline(snapshots).medianCycleUntil(Instant.MAX);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static void report(String format, Object... args) {
		System.out.println("[cutoff-e2e] " + String.format(Locale.ROOT, format, args));
	}

}
