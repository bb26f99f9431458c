package eco.qubeprepaid.systemtests.cutoff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.systemtests.cutoff.CutoffLab.Premise;
import eco.qubeprepaid.testsupport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Onboarding and restore through the whole system (sandbox, poller-service,
 * balance-service, a real broker and PostgreSQL): a building that already has credit on
 * its meters keeps it, and a tenant who pays gets the balance on the meter and the power
 * back within two poll cycles, whether the meter enforces the balance itself (PREPAID) or
 * the system does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreEndToEndIT {

	/** The meter balance of the report: ₹1,165.21. */
	private static final long HELD_PAISE = 116_521L;

	/** A ₹500 top-up. */
	private static final long TOP_UP_PAISE = 50_000L;

	/** How many snapshots after the first must pass without any command. */
	private static final int QUIET_SNAPSHOTS = 5;

	/**
	 * The shortest poll cycle a restore is measured in. A restore of a PREPAID meter is
	 * two commands, each written and then read back (the balance, then the relay), after
	 * the credit crossed Kafka twice; on a busy 2-core machine one such trip takes up to
	 * about a second, while the harness polls every 200 ms. In production the cycle is at
	 * least {@code qp.poller.min-poll-interval} (30 s).
	 */
	private static final Duration RESTORE_CYCLE_FLOOR = Duration.ofSeconds(2);

	private static final Duration BOUND = Duration.ofSeconds(30);

	private final CutoffLab lab = new CutoffLab();

	private EventTap commands;

	@BeforeAll
	void startTap() {
		this.commands = new EventTap(TestServers.get().kafkaBootstrapServers(), Topics.DEVICE_COMMANDS,
				Set.of(EventType.DEVICE_COMMAND_REQUESTED));
	}

	@AfterEach
	void pauseTheSimulatedClock() {
		this.lab.pause();
	}

	@AfterAll
	void stopTap() {
		this.commands.close();
	}

	@Test
	void theFirstReadingOfAMeterHoldingCreditOpensTheWalletAtThatCreditAndSendsNoCommand() {
		Premise premise = this.lab.newPremises(1, MeterMode.PREPAID, HELD_PAISE).get(0);
		await("wallet of " + premise + " opened").atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> this.lab.balance(premise) == HELD_PAISE);
		List<JsonNode> lines = this.lab.statement(premise);
		assertThat(lines).as("statement of %s", premise).hasSize(1);
		assertThat(lines.get(0).get("kind").asString()).isEqualTo("OPENING_BALANCE");
		assertThat(lines.get(0).get("amountPaise").asLong()).isEqualTo(HELD_PAISE);
		assertThat(lines.get(0).get("reference").asString()).isEqualTo("opening:" + premise.id());

		// Several more readings reach the ledger, each compared with the wallet
		// (reconciliation): none asks the meter for anything, and its credit stays.
		int seen = this.lab.timeline(premise).snapshots().size();
		await(QUIET_SNAPSHOTS + " more snapshots of " + premise).atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.lab.timeline(premise).snapshots().size() >= seen + QUIET_SNAPSHOTS);
		JsonNode relay = await("balance-service has read the latest snapshots").atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.lab.relayView(premise),
					(view) -> view.get("latestObservedAt") != null
							&& !Instant.parse(view.get("latestObservedAt").asString())
								.isBefore(this.lab.timeline(premise)
									.snapshots()
									.get(seen + QUIET_SNAPSHOTS - 1)
									.observedAt()
									.toInstant()));
		assertThat(this.commands.of(premise.id(), DeviceCommandRequested.class)).as("commands for %s", premise)
			.isEmpty();
		assertThat(this.lab.meterBalance(premise)).as("balance on the meter").isEqualTo(HELD_PAISE);
		assertThat(this.lab.relayOn(premise)).as("relay of %s", premise).isTrue();
		assertThat(this.lab.balance(premise)).isEqualTo(HELD_PAISE);
		report("onboarding: %s opened at %d p from its meter; %d snapshots, 0 commands; relay view %s", premise,
				HELD_PAISE, this.lab.timeline(premise).snapshots().size(), relay.get("phase").asString());
	}

	@Test
	void aPrepaidMeterCutAtZeroGetsTheNewBalanceAndItsRelayClosedWithinTwoPollCyclesOfATopUp() {
		Premise premise = this.lab.newPremises(1, MeterMode.PREPAID, 0).get(0);
		assertThat(this.lab.relayOn(premise)).as("a PREPAID meter at zero has cut itself").isFalse();
		this.lab.awaitFirstReading(premise);

		Instant paid = this.lab.clock().instant();
		this.lab.credit(premise, TOP_UP_PAISE);
		await("balance and relay of " + premise + " at the sandbox").atMost(BOUND)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> this.lab.relayOn(premise) && this.lab.meterBalance(premise) == TOP_UP_PAISE);
		Instant restored = restoredAt(paid);
		Duration cycle = cycleOf(premise);
		report("restore (PREPAID): %s credited %d p; balance set and relay closed at the sandbox %d ms after the"
				+ " top-up (poll cycle %d ms); commands %s", premise, TOP_UP_PAISE,
				Duration.between(paid, restored).toMillis(), cycle.toMillis(), commandKinds(premise));
		assertWithinTwoPollCycles(paid, restored, cycle);
		assertThat(commandKinds(premise)).as("the balance is set before anything else")
			.first()
			.isEqualTo(DeviceCommand.SET_BALANCE);
		awaitSupplyOnInASnapshot(premise, restored);
		assertThat(this.lab.balance(premise)).isEqualTo(TOP_UP_PAISE);
	}

	@Test
	void aSystemEnforcedMeterCutForDebtGetsItsRelayClosedWithinTwoPollCyclesOfATopUp() {
		Premise premise = this.lab.newPremises(1).get(0);
		this.lab.noWindow(premise);
		this.lab.fundFor(premise, Duration.ofSeconds(4));
		this.lab.run();
		await("relay of " + premise + " cut by the system").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> !this.lab.relayOn(premise));
		this.lab.pause();
		// Every reading up to the cut billed: balance-service has seen a reading taken
		// after the pause (the register no longer moves), so the debt below is final and
		// no late debit lands after the top-up.
		Instant paused = this.lab.clock().instant();
		await("the cut confirmed and billed").atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.lab.relayView(premise),
					(view) -> "CUT".equals(view.get("phase").asString()) && !view.get("latestObservedAt").isNull()
							&& Instant.parse(view.get("latestObservedAt").asString()).isAfter(paused));
		long owed = -this.lab.balance(premise);
		assertThat(owed).as("debt of %s", premise).isPositive();

		Instant paid = this.lab.clock().instant();
		this.lab.credit(premise, owed + TOP_UP_PAISE);
		await("relay of " + premise + " closed at the sandbox").atMost(BOUND)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> this.lab.relayOn(premise));
		Instant restored = restoredAt(paid);
		Duration cycle = cycleOf(premise);
		report("restore (system-enforced): %s owed %d p, credited %d p; relay closed at the sandbox %d ms after the"
				+ " top-up (poll cycle %d ms); commands %s", premise, owed, owed + TOP_UP_PAISE,
				Duration.between(paid, restored).toMillis(), cycle.toMillis(), commandKinds(premise));
		assertWithinTwoPollCycles(paid, restored, cycle);
		awaitSupplyOnInASnapshot(premise, restored);
		// The meter's display follows the wallet after the restore.
		await("balance shown on the meter of " + premise).atMost(BOUND)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.lab.meterBalance(premise) == this.lab.balance(premise));
		assertThat(this.lab.balance(premise)).isEqualTo(TOP_UP_PAISE);
	}

	/**
	 * When the restore was seen at the sandbox: the moment the 25 ms poll of its admin
	 * API first showed it, an upper bound of the true time (the simulated clock is
	 * paused, so the sandbox's own timeline cannot be converted to real time).
	 */
	private Instant restoredAt(Instant paid) {
		Instant seen = this.lab.clock().instant();
		assertThat(seen).isAfter(paid);
		return seen;
	}

	private void awaitSupplyOnInASnapshot(Premise premise, Instant restored) {
		await("a snapshot of " + premise + " showing the supply on").atMost(BOUND)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(this.lab.timeline(premise).after(restored)).as("polls after the restore")
				.anySatisfy((s) -> assertThat(s.relayOn()).as("relay in %s", s).isTrue()));
		await("balance-service sees the supply on").atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> {
				JsonNode view = this.lab.relayView(premise);
				assertThat(view.get("phase").asString()).isEqualTo("CLEAR");
				assertThat(view.get("supplyOwedSince").isNull()).as("supply owed since, in %s", view).isTrue();
			});
	}

	private List<DeviceCommand> commandKinds(Premise premise) {
		return this.commands.of(premise.id(), DeviceCommandRequested.class)
			.stream()
			.map(DeviceCommandRequested::command)
			.toList();
	}

	private Duration cycleOf(Premise premise) {
		Duration median = this.lab.timeline(premise).medianCycleUntil(Instant.MAX);
		return (median.compareTo(RESTORE_CYCLE_FLOOR) > 0) ? median : RESTORE_CYCLE_FLOOR;
	}

	private static void assertWithinTwoPollCycles(Instant paid, Instant restored, Duration cycle) {
		assertThat(Duration.between(paid, restored))
			.as("from the top-up to the supply on at the sandbox, with a poll cycle of %d ms", cycle.toMillis())
			.isPositive()
			.isLessThanOrEqualTo(cycle.multipliedBy(2));
	}

	private static void report(String format, Object... args) {
		System.out.println("[restore-e2e] " + String.format(Locale.ROOT, format, args));
	}

}
