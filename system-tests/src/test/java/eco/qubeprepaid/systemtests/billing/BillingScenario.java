package eco.qubeprepaid.systemtests.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.events.TopUpCaptured;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The billing scenario of {@link BillingExactnessIT}, also driven by the crash harness
 * ({@code tools/chaos.sh}) while its processes are killed: on an accelerated clock,
 * meters under two API keys, a generator (DG) run, a meter replacement, a register reset,
 * an offline spell and a tariff change, and at the end every premise's debits compared
 * with the sandbox's ground truth to the paisa.
 * <p>
 * <b>Why the boundaries are controlled.</b> The ledger sees a meter only through
 * snapshots and, by ADR 0004, prices the energy of an interval at the supply (EB/DG) and
 * the tariff in force at the interval's <em>start</em>. When a generator starts, a meter
 * is replaced or reset or a tariff changes between two polls, production attributes the
 * part of that one interval after the switch to the previous supply or tariff: a bounded
 * approximation (ADR 0004, "Bound of the misattribution"). The scenario controls each
 * boundary so that it can demand exactness instead: it pauses the sandbox clock, waits
 * until every affected meter has a snapshot at the paused register value (so all energy
 * before the boundary is measured), makes the change, waits until every affected meter
 * has a snapshot showing it (so the next interval starts after the change) and only then
 * lets the clock run again.
 * <p>
 * The ground truth of a premise is the sandbox's exact energy per (device, supply, rate);
 * its expected charge is {@code floor(milli-Wh x rate / 10^6)} per (supply, rate), the
 * ledger's definition of a tariff segment. The tariff change uses rates (777 and 1999
 * paise/kWh) that no generated meter has, so every ledger segment maps to one truth
 * segment. The ledger side is read through balance-service's REST API (daily usage and
 * balance).
 */
public final class BillingScenario {

	private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	private static final long TOP_UP_PAISE = 2_000_000L;

	/**
	 * The recharge of every PREPAID meter through "Qube's own gateway" (the sandbox's
	 * external recharge), which the ledger must recognise as a credit of the premise.
	 */
	private static final long METER_RECHARGE_PAISE = 2_000_000L;

	private static final long NEW_EB_RATE = 777;

	private static final long NEW_DG_RATE = 1999;

	private final SystemUnderTest system;

	private final long seed;

	private final int meters;

	private final int spaces;

	/**
	 * How long each wait of the scenario may last (longer while processes are killed).
	 */
	private final Duration patience;

	/** The simulated clock's speed while it runs. */
	private final long speed;

	private List<FleetDevice> fleet;

	/** What each premise's wallet must hold besides the debits. */
	private final Map<String, Long> credits = new LinkedHashMap<>();

	/** The current device id of every premise (a replacement changes one). */
	private final Map<String, String> devices = new LinkedHashMap<>();

	/** Every top-up published, by payment id, with its premise. */
	private final Map<String, String> topUps = new LinkedHashMap<>();

	private Map<String, GroundTruth> start;

	private Map<String, GroundTruth> end;

	private final long began = System.nanoTime();

	/**
	 * @param system the system
	 * @param seed the fleet's seed
	 * @param meters how many meters
	 * @param spaces in how many spaces
	 * @param patience the bound of each wait
	 * @param speed the simulated clock's speed while it runs
	 */
	public BillingScenario(SystemUnderTest system, long seed, int meters, int spaces, Duration patience, long speed) {
		this.system = system;
		this.speed = speed;
		this.seed = seed;
		this.meters = meters;
		this.spaces = spaces;
		this.patience = patience;
	}

	/**
	 * Runs the scenario: creates the fleet with the clock paused, credits every wallet
	 * and meter, then the boundaries, each after a stretch of simulated time during which
	 * {@code meanwhile} runs (extra top-ups, say); ends with the clock paused, every
	 * meter read at its final register and the ledger caught up.
	 * @param meanwhile called after each stretch of simulated time, with its number
	 */
	public void run(IntConsumer meanwhile) {
		// The scenario's own meters, created while the clock is paused (whatever ran
		// before), so that they have measured nothing before the ledger's first reading.
		pause();
		List<FleetDevice> created = createFleet();
		this.fleet = created;
		created.forEach((device) -> this.devices.put(device.identity(), device.deviceId()));
		assertThat(created).hasSizeGreaterThanOrEqualTo(this.meters * 9 / 10);
		assertThat(created.stream().map(FleetDevice::apiKey).distinct()).hasSize(2);
		List<Long> spaceIds = created.stream().map(FleetDevice::spaceId).distinct().sorted().toList();
		long dgSpace = spaceIds.get(0);
		List<String> dgPremises = premisesIn(created, dgSpace);
		String replaced = premisesIn(created, spaceIds.get(1)).get(0);
		String offline = premisesIn(created, spaceIds.get(2)).get(0);
		String reset = dgPremises.get(1);
		String tower = dgPremises.get(0).substring(0, dgPremises.get(0).indexOf('.'));
		List<String> towerPremises = this.devices.keySet().stream().filter((p) -> p.startsWith(tower + ".")).toList();

		creditEveryPremiseAndMeter();
		awaitSnapshotsAtCurrentRegister(this.devices.keySet());
		this.start = truthOfEveryPremise();

		run(Duration.ofMinutes(60));
		meanwhile.accept(1);
		boundary("DG run starts in space " + dgSpace, dgPremises,
				() -> this.system.admin("POST", "/spaces/" + dgSpace + "/dg-run", Map.of("running", true)),
				(s) -> s.activeTariff() == TariffKind.DG);
		this.system.admin("POST", "/devices/" + this.devices.get(offline) + "/online", Map.of("online", false));

		run(Duration.ofMinutes(45));
		meanwhile.accept(2);
		String retired = this.devices.get(replaced);
		Map<String, GroundTruth> atReplacement = new LinkedHashMap<>();
		boundary("replacement of " + replaced, List.of(replaced), () -> {
			atReplacement.put(replaced, truthOf(replaced));
			this.devices.put(replaced,
					this.system.admin("POST", "/devices/" + retired + "/replace", null)
						.get("new_device_id")
						.asString());
		}, (s) -> s.energyKwh().signum() == 0);
		this.system.admin("POST", "/devices/" + this.devices.get(offline) + "/online", Map.of("online", true));

		run(Duration.ofMinutes(45));
		meanwhile.accept(3);
		boundary("register reset of " + reset, List.of(reset),
				() -> this.system.admin("POST", "/devices/" + this.devices.get(reset) + "/energy-reset", null),
				(s) -> s.energyKwh().signum() == 0);

		run(Duration.ofMinutes(30));
		meanwhile.accept(4);
		boundary("tariff change for " + tower + ".*", towerPremises, () -> changeTariff(tower, towerPremises),
				(s) -> s.ebTariffPaisePerKwh() == NEW_EB_RATE && s.dgTariffPaisePerKwh() == NEW_DG_RATE);

		run(Duration.ofMinutes(45));
		meanwhile.accept(5);
		boundary("DG run ends in space " + dgSpace, dgPremises,
				() -> this.system.admin("POST", "/spaces/" + dgSpace + "/dg-run", Map.of("running", false)),
				(s) -> s.activeTariff() == TariffKind.EB);

		run(Duration.ofMinutes(30));
		meanwhile.accept(6);
		settle();
		// The sandbox keeps a retired meter accruing energy whenever its truth is read (a
		// defect reported to its owner), so the replaced meter's truth is taken as it was
		// at the replacement, while the clock was paused.
		this.end.put(replaced, this.end.get(replaced).withDeviceAsIn(retired, atReplacement.get(replaced)));
	}

	/**
	 * Pauses the clock, waits for a reading of every meter at its final register and for
	 * the ledger to catch up, and takes the ground truth at the end.
	 */
	public void settle() {
		pause();
		awaitSnapshotsAtCurrentRegister(this.devices.keySet());
		awaitLedgerCaughtUp();
		this.end = truthOfEveryPremise();
	}

	/**
	 * Publishes a top-up for a premise, as payment-service would, and counts it in what
	 * the wallet must hold.
	 * @param premise the premise
	 * @param paise the amount
	 * @return its payment id
	 */
	public String topUp(String premise, long paise) {
		Instant now = Instant.now();
		String paymentId = "st-pay-" + UUID.randomUUID();
		this.system.kafka()
			.publish(Topics.PAYMENTS,
					new TopUpCaptured(UUID.randomUUID(), now, premise, paymentId, paise, "system-tests", now));
		this.credits.merge(premise, paise, Long::sum);
		this.topUps.put(paymentId, premise);
		return paymentId;
	}

	/**
	 * Counts a credit that reached the wallet another way (a payment through the
	 * gateway's checkout, credited by payment-service) in the premise's expected balance.
	 * @param premise the premise
	 * @param paise the amount
	 */
	public void credited(String premise, long paise) {
		this.credits.merge(premise, paise, Long::sum);
	}

	/**
	 * @return every premise of the scenario, with its current device id
	 */
	public Map<String, String> devices() {
		return Map.copyOf(this.devices);
	}

	/**
	 * @return every top-up published: payment id to premise
	 */
	public Map<String, String> topUps() {
		return Map.copyOf(this.topUps);
	}

	/**
	 * @return how many snapshots of the scenario's premises the poller published
	 */
	public int snapshots() {
		return this.devices.keySet()
			.stream()
			.mapToInt((premise) -> this.system.snapshots().history(premise).size())
			.sum();
	}

	/**
	 * Re-delivers every snapshot read so far and waits until the ledger has consumed
	 * them.
	 */
	public void redeliverEverySnapshot() {
		this.system.kafka().republish(this.system.snapshots().records());
		awaitLedgerCaughtUp();
	}

	private List<FleetDevice> createFleet() {
		JsonNode created = this.system.admin("POST", "/fleet", Map.of("seed", this.seed, "meters", this.meters,
				"spaces", this.spaces, "api_keys", SystemUnderTest.API_KEYS));
		List<FleetDevice> fleet = new ArrayList<>();
		for (JsonNode device : created.get("devices")) {
			fleet.add(new FleetDevice(device.get("device_id").asString(), device.get("space_id").asLong(),
					device.get("udf1").asString(), device.get("api_key").asString()));
		}
		return fleet;
	}

	/** The balance the sandbox created a meter with, from its ground truth. */
	private long createdBalance(String deviceId) {
		for (JsonNode event : this.system.admin("GET", "/devices/" + deviceId + "/truth", null).get("events")) {
			if ("created".equals(event.get("type").asString())) {
				return event.get("details").get("balance").asLong();
			}
		}
		throw new AssertionError("no creation event in the truth of " + deviceId);
	}

	private static List<String> premisesIn(List<FleetDevice> fleet, long spaceId) {
		return fleet.stream().filter((d) -> d.spaceId() == spaceId).map(FleetDevice::identity).toList();
	}

	/**
	 * Credits every wallet (so that no cut-off policy ever switches a meter off) and
	 * recharges every PREPAID meter (so that none cuts itself off at zero): the scenario
	 * is about pricing, and meters that keep drawing make it a stronger one.
	 */
	private void creditEveryPremiseAndMeter() {
		for (String premise : this.devices.keySet()) {
			String device = this.devices.get(premise);
			// The wallet opened with the meter's balance at its first reading (the clock
			// has been paused since the meter was created) ...
			long opening = createdBalance(device);
			if ("PREPAID".equals(this.system.admin("GET", "/devices/" + device, null).get("mode").asString())) {
				this.system.admin("POST", "/devices/" + device + "/external-recharge",
						Map.of("amount_paise", METER_RECHARGE_PAISE));
				// ... and credit put on the meter outside the ledger becomes the
				// tenant's.
				opening += METER_RECHARGE_PAISE;
			}
			this.credits.merge(premise, opening, Long::sum);
			topUp(premise, TOP_UP_PAISE);
		}
		this.system.kafka().flush();
	}

	private void changeTariff(String tower, List<String> premises) {
		// Effective from now: every interval that started before it holds only energy
		// measured before the pause; every interval with energy after the pause starts at
		// a snapshot that shows the meter's new rates, read after the write below.
		this.system.balance("PUT", "/api/premises/" + tower + ".*/tariffs",
				Map.of("effectiveFrom", Instant.now().toString(), "ebPaisePerKwh", NEW_EB_RATE, "dgPaisePerKwh",
						NEW_DG_RATE, "fixedDailyPaise", 0));
		for (String premise : premises) {
			String apiKey = this.fleet.stream()
				.filter((d) -> d.identity().equals(premise))
				.findFirst()
				.orElseThrow()
				.apiKey();
			this.system.qube(apiKey, "PUT", "/devices/" + this.devices.get(premise) + "/tariff/",
					Map.of("eb_tariff", NEW_EB_RATE, "dg_tariff", NEW_DG_RATE));
		}
	}

	/**
	 * A controlled boundary (see the class comment): pause, wait for a snapshot of every
	 * affected meter at its paused register, change, wait for a snapshot of every
	 * affected meter that shows the change. The clock stays paused until the next
	 * {@link #run(Duration)}.
	 */
	private void boundary(String name, Collection<String> premises, Runnable change,
			Predicate<DeviceSnapshotted> changed) {
		pause();
		awaitSnapshotsAtCurrentRegister(premises);
		change.run();
		await(name).atMost(this.patience).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			for (String premise : premises) {
				assertThat(this.system.snapshots().latest(premise)).as("snapshot of %s after the %s", premise, name)
					.hasValueSatisfying((s) -> assertThat(
							s.online() && s.deviceId().equals(this.devices.get(premise)) && changed.test(s))
						.as("%s shows the change", s)
						.isTrue());
			}
		});
		System.out.printf(Locale.ROOT, "[billing-exactness] boundary: %s (%d premises) at %s%n", name, premises.size(),
				this.system.admin("GET", "/clock", null).get("sim_time").asString());
	}

	private void awaitSnapshotsAtCurrentRegister(Collection<String> premises) {
		Map<String, Long> registers = new LinkedHashMap<>();
		for (String premise : premises) {
			registers.put(premise,
					this.system.admin("GET", "/devices/" + this.devices.get(premise), null)
						.get("register_milli_wh")
						.asLong());
		}
		await("snapshots at the paused registers").atMost(this.patience)
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(
					() -> registers.forEach((premise, register) -> assertThat(this.system.snapshots().latest(premise))
						.as("snapshot of %s", premise)
						.hasValueSatisfying((s) -> assertThat(s.online()
								&& s.deviceId().equals(this.devices.get(premise)) && milliWh(s.energyKwh()) == register)
							.as("%s is online at the register %d mWh of %s", s, register, this.devices.get(premise))
							.isTrue())));
	}

	private void awaitLedgerCaughtUp() {
		this.system.kafka().flush();
		// Everything published until now, not "no lag", which a stream that keeps going
		// may never show at the moment it is sampled.
		Map<TopicPartition, Long> snapshots = this.system.kafka().endOffsets(Topics.DEVICE_SNAPSHOTS);
		Map<TopicPartition, Long> topUps = this.system.kafka().endOffsets(Topics.PAYMENTS);
		await("balance-service consumed everything published so far").atMost(this.patience)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.system.kafka().consumedUpTo("balance-snapshots", snapshots)
					&& this.system.kafka().consumedUpTo("balance-top-ups", topUps));
	}

	/**
	 * Lets the clock run until {@code simulated} time has passed.
	 * @param simulated the simulated time
	 */
	public void run(Duration simulated) {
		long target = simMillis() + simulated.toMillis();
		this.system.admin("PUT", "/clock", Map.of("speed", this.speed));
		await("simulated time passes").atMost(simulated.dividedBy(this.speed).plus(this.patience))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> simMillis() >= target);
	}

	/** Pauses the simulated clock. */
	public void pause() {
		this.system.admin("PUT", "/clock", Map.of("speed", 0));
	}

	private long simMillis() {
		return this.system.admin("GET", "/clock", null).get("sim_epoch_millis").asLong();
	}

	private Map<String, GroundTruth> truthOfEveryPremise() {
		Map<String, GroundTruth> truths = new LinkedHashMap<>();
		for (String premise : this.devices.keySet()) {
			truths.put(premise, truthOf(premise));
		}
		return truths;
	}

	private GroundTruth truthOf(String premise) {
		return GroundTruth.of(this.system.admin("GET", "/truth?identity=" + premise, null));
	}

	/**
	 * Compares every premise's ledger (billed energy and charges, balance) with the
	 * ground truth of the scenario's stretch, after {@link #run} or {@link #settle}.
	 * @return the comparison
	 */
	public Comparison compare() {
		Map<String, GroundTruth> start = this.start;
		Map<String, GroundTruth> end = this.end;
		LocalDate today = LocalDate.now(IST);
		Map<String, GroundTruth.Charges> ledger = new LinkedHashMap<>();
		List<String> mismatches = new ArrayList<>();
		long paise = 0;
		long dgPaise = 0;
		for (String premise : this.devices.keySet()) {
			GroundTruth.Charges expected = end.get(premise).since(start.get(premise));
			JsonNode usage = this.system.balance("GET",
					"/api/premises/" + premise + "/usage/daily?from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
					null);
			long[] totals = new long[4];
			for (JsonNode day : usage.get("days")) {
				totals[0] += milliWh(day.get("ebEnergyWh").decimalValue().movePointLeft(3));
				totals[1] += day.get("ebPaise").asLong();
				totals[2] += milliWh(day.get("dgEnergyWh").decimalValue().movePointLeft(3));
				totals[3] += day.get("dgPaise").asLong();
			}
			GroundTruth.Charges billed = new GroundTruth.Charges(totals[0], totals[1], totals[2], totals[3]);
			long balance = this.system.balance("GET", "/api/premises/" + premise + "/balance", null)
				.get("balancePaise")
				.asLong();
			ledger.put(premise, billed);
			long expectedBalance = this.credits.get(premise) - expected.totalPaise();
			if (!billed.equals(expected) || balance != expectedBalance) {
				mismatches.add(premise + ": ledger " + billed + " balance " + balance + ", truth " + expected
						+ " balance " + expectedBalance + "\n  snapshots: "
						+ this.system.snapshots()
							.history(premise)
							.stream()
							.map((s) -> s.observedAt().toLocalTime() + " " + s.deviceId() + "/" + s.epoch() + " "
									+ (s.online() ? "on " : "off ") + s.energyKwh() + " " + s.activeTariff())
							.toList());
			}
			paise += expected.totalPaise();
			dgPaise += expected.dgPaise();
		}
		return new Comparison(ledger, mismatches, paise, dgPaise);
	}

	/**
	 * Prints a comparison with the scenario's size and age.
	 * @param round what the comparison is of
	 * @param comparison the comparison
	 */
	public void report(String round, Comparison comparison) {
		System.out.printf(Locale.ROOT,
				"[billing-exactness] %s: meters=%d snapshots=%d paise compared=%d (DG %d) mismatches=%d after %d s%n",
				round, this.devices.size(), snapshots(), comparison.paiseCompared(), comparison.dgPaise(),
				comparison.mismatches().size(), Duration.ofNanos(System.nanoTime() - this.began).toSeconds());
		comparison.mismatches().forEach((m) -> System.out.println("[billing-exactness]   " + m));
		if (!comparison.mismatches().isEmpty()) {
			System.out.println(
					"[billing-exactness] quarantined readings: " + this.system.balance("GET", "/api/quarantine", null));
		}
	}

	private static long milliWh(BigDecimal kwh) {
		return kwh.movePointRight(6).longValueExact();
	}

	/**
	 * One meter of the test's fleet.
	 *
	 * @param deviceId its device id at creation
	 * @param spaceId its space
	 * @param identity its stable identity (udf1), the premise id
	 * @param apiKey the key that owns it
	 */
	private record FleetDevice(String deviceId, long spaceId, String identity, String apiKey) {
	}

	/**
	 * The ledger against the truth for every premise.
	 *
	 * @param ledger what the ledger billed, per premise
	 * @param mismatches the premises where it differs from the truth, explained
	 * @param paiseCompared the expected paise summed over all premises
	 * @param dgPaise the generator part of it
	 */
	public record Comparison(Map<String, GroundTruth.Charges> ledger, List<String> mismatches, long paiseCompared,
			long dgPaise) {
	}

}
