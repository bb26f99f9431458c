package eco.qubeprepaid.systemtests.cutoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.events.TopUpCaptured;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cut-off tests' hands on the running system: fresh premises in a space of their own
 * with their meters in POSTPAID mode (system-enforced, DESIGN fact 6), their policies and
 * credits, the sandbox's relay and clock, and balance-service's view of them.
 * <p>
 * <b>Which time.</b> The poller stamps every snapshot's {@code observedAt} with its real
 * clock, and balance-service judges friendly windows on it; so windows are set in real
 * IST wall-clock time here, while the meters consume in the sandbox's simulated time at
 * {@link #SPEED} times real speed.
 * <p>
 * <b>Why fresh premises.</b> The simulated clock is shared by the whole fleet of the JVM,
 * so a premise that existed before a test would have consumed in every earlier test. Each
 * test therefore creates its own space of meters with the clock paused, and funds the
 * meters it does not use generously, so that none of them ever owes a cut-off and puts a
 * command in front of the ones under test.
 */
public final class CutoffLab {

	/** Indian time, in which windows are written. */
	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	/** How fast the meters live while a scenario runs. */
	static final long SPEED = SystemUnderTest.MAX_SPEED;

	/** Who sets the test policies, for balance-service's audit trail. */
	private static final String OPERATOR = "cutoff-e2e";

	private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	/** A credit that no meter spends in the whole run. */
	private static final long BYSTANDER_CREDIT_PAISE = 10_000_000L;

	/**
	 * The least credit a premise under test gets, so that the ladder has distinct rungs.
	 */
	private static final long MIN_CREDIT_PAISE = 60;

	/** Meters created beyond those needed, so that the busiest ones can be chosen. */
	private static final int SPARE_METERS = 2;

	private static final AtomicInteger spaces = new AtomicInteger();

	private final SystemUnderTest system = SystemUnderTest.get();

	/** The real clock in IST, the one the poller stamps snapshots with. */
	private final Clock clock = Clock.system(IST);

	/**
	 * @return the real clock in IST
	 */
	Clock clock() {
		return this.clock;
	}

	/**
	 * Creates a space of POSTPAID meters at zero under one of the poller's keys with the
	 * clock paused, chooses the {@code count} meters with a relay that draw the most
	 * power now, funds the others generously, and waits until the poller has published a
	 * snapshot of each chosen meter.
	 * @param count how many premises
	 * @return the premises, busiest first
	 */
	List<Premise> newPremises(int count) {
		return newPremises(count, MeterMode.POSTPAID, 0);
	}

	/**
	 * Creates a space of meters in one mode holding one balance (see
	 * {@link #newPremises(int)}), and waits until the poller has published a snapshot of
	 * each chosen meter in that mode, holding that balance.
	 * @param count how many premises
	 * @param mode the mode of every flat's meter
	 * @param balancePaise the balance on every flat's meter
	 * @return the premises, busiest first
	 */
	public List<Premise> newPremises(int count, MeterMode mode, long balancePaise) {
		pause();
		int space = spaces.incrementAndGet();
		String apiKey = SystemUnderTest.API_KEYS.get(space % SystemUnderTest.API_KEYS.size());
		// Every flat's meter POSTPAID at zero: the first reading opens each wallet from
		// the
		// meter's balance (onboarding), so the premises under test start at zero and the
		// tests fund them.
		JsonNode created = this.system.admin("POST", "/fleet",
				Map.of("seed", 7_700 + space, "meters", count + SPARE_METERS, "spaces", 1, "api_keys", List.of(apiKey),
						"mode", mode.name().toLowerCase(Locale.ROOT), "balance_paise", balancePaise));
		List<Candidate> candidates = new ArrayList<>();
		for (JsonNode device : created.get("devices")) {
			String deviceId = device.get("device_id").asString();
			JsonNode state = this.system.admin("GET", "/devices/" + deviceId, null);
			candidates.add(new Candidate(new Premise(device.get("udf1").asString(), deviceId, apiKey),
					state.get("has_relay").asBoolean(), state.get("power_deci_w").asLong()));
		}
		List<Premise> chosen = candidates.stream()
			.filter(Candidate::hasRelay)
			.sorted(Comparator.comparingLong(Candidate::powerDeciW).reversed())
			.limit(count)
			.map(Candidate::premise)
			.toList();
		assertThat(chosen).as("meters with a relay in the new space").hasSize(count);
		candidates.stream()
			.map(Candidate::premise)
			.filter((p) -> !chosen.contains(p))
			.forEach((p) -> publishCredit(p, BYSTANDER_CREDIT_PAISE));
		await("first " + mode + " snapshots of " + chosen).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> chosen.forEach((p) -> assertThat(latestSnapshot(p)).as("snapshot of %s", p.id())
				.hasValueSatisfying((s) -> assertThat(s.online() && s.mode() == mode
						&& Long.valueOf(balancePaise).equals(s.balancePaise()) && s.relayOn() != null)
					.as("%s is online, %s, holding %d paise", s, mode, balancePaise)
					.isTrue())));
		return chosen;
	}

	/**
	 * Sets a premise's policy: system-enforced, the ladder 30 %, 10 %, 0 % of the last
	 * top-up, no friendly weekdays, and the nightly window {@code [from, until)} in IST
	 * (none when they are equal).
	 * @param premise the premise
	 * @param from the window's start
	 * @param until the window's end
	 */
	void policy(Premise premise, LocalTime from, LocalTime until) {
		JsonNode view = this.system.balance("PUT", "/api/premises/" + premise.id() + "/policy",
				Map.of("enforcement", "SYSTEM", "ladder", List.of("30%", "10%", "0%"), "friendlyFrom",
						CLOCK_TIME.format(from), "friendlyUntil", CLOCK_TIME.format(until), "friendlyWeekdays",
						List.of(), "updatedBy", OPERATOR));
		assertThat(view.get("explicit").asBoolean()).as("policy of %s set", premise.id()).isTrue();
	}

	/**
	 * Sets a policy without any friendly window (see {@link #policy}).
	 * @param premise the premise
	 */
	public void noWindow(Premise premise) {
		policy(premise, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
	}

	/**
	 * Sets a policy whose nightly window covers the present real time: it began a minute
	 * ago and ends after {@code left}, at whole seconds.
	 * @param premise the premise
	 * @param left how long the window still lasts
	 * @return the instant the window ends
	 */
	Instant windowEndingIn(Premise premise, Duration left) {
		Instant now = this.clock.instant();
		Instant end = now.plus(left).truncatedTo(ChronoUnit.SECONDS);
		policy(premise, LocalTime.ofInstant(now.minus(Duration.ofMinutes(1)), IST), LocalTime.ofInstant(end, IST));
		return end;
	}

	/**
	 * Credits a premise with {@link #creditFor} and waits until the ledger holds it.
	 * @param premise the premise
	 * @param runOut the time the credit should last
	 * @return the credit in paise
	 */
	public long fundFor(Premise premise, Duration runOut) {
		long credit = creditFor(premise, runOut);
		credit(premise, credit);
		return credit;
	}

	/**
	 * Returns what a premise's meter would spend in about {@code runOut} of real time at
	 * the power it draws now (the load changes with the simulated hour, so this is only a
	 * target), and at least {@link #MIN_CREDIT_PAISE}.
	 * @param premise the premise
	 * @param runOut the time the credit should last
	 * @return the credit in paise
	 */
	long creditFor(Premise premise, Duration runOut) {
		JsonNode state = this.system.admin("GET", "/devices/" + premise.deviceId(), null);
		// paise per real second = W x SPEED / 3600 (Wh) x rate / 1000 (paise per Wh)
		long paisePerSecond = state.get("power_deci_w").asLong() * SPEED * state.get("eb_tariff").asLong()
				/ 36_000_000L;
		return Math.max(MIN_CREDIT_PAISE, paisePerSecond * runOut.toSeconds());
	}

	/**
	 * Publishes a {@code TopUpCaptured} for a premise, as payment-service would, and
	 * waits until the ledger has credited it.
	 * @param premise the premise
	 * @param paise the amount
	 */
	void credit(Premise premise, long paise) {
		String paymentId = publishCredit(premise, paise);
		LocalDate today = LocalDate.now(this.clock);
		await("credit " + paymentId + " in the ledger of " + premise.id()).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(statement(premise, today)).as("statement of %s", premise.id())
				.anySatisfy((line) -> assertThat(line.get("reference").asString()).isEqualTo("topup:" + paymentId)));
	}

	private String publishCredit(Premise premise, long paise) {
		Instant now = Instant.now();
		String paymentId = "cutoff-e2e-" + UUID.randomUUID();
		this.system.kafka()
			.publish(Topics.PAYMENTS,
					new TopUpCaptured(UUID.randomUUID(), now, premise.id(), paymentId, paise, "system-tests", now));
		this.system.kafka().flush();
		return paymentId;
	}

	/**
	 * @param premise the premise
	 * @return its ledger balance in paise
	 */
	public long balance(Premise premise) {
		return this.system.balance("GET", "/api/premises/" + premise.id() + "/balance", null)
			.get("balancePaise")
			.asLong();
	}

	/**
	 * @param premise the premise
	 * @return where its relay stands in balance-service (phase, schedule, commands)
	 */
	JsonNode relayView(Premise premise) {
		return this.system.balance("GET", "/api/premises/" + premise.id() + "/relay", null);
	}

	/**
	 * @param premise the premise
	 * @return whether the relay is closed at the sandbox now
	 */
	public boolean relayOn(Premise premise) {
		return this.system.admin("GET", "/devices/" + premise.deviceId(), null).get("relay_state").asBoolean();
	}

	/**
	 * @param premise the premise
	 * @return the meter's energy register at the sandbox now, in milli-Wh
	 */
	long registerMilliWh(Premise premise) {
		return this.system.admin("GET", "/devices/" + premise.deviceId(), null).get("register_milli_wh").asLong();
	}

	/**
	 * @param premise the premise
	 * @return the meter's EB rate at the sandbox, in paise per kWh
	 */
	long rate(Premise premise) {
		return this.system.admin("GET", "/devices/" + premise.deviceId(), null).get("eb_tariff").asLong();
	}

	/**
	 * Connects or disconnects a meter from the (simulated) Qube cloud.
	 * @param premise the premise
	 * @param online the connection
	 */
	void online(Premise premise, boolean online) {
		this.system.admin("POST", "/devices/" + premise.deviceId() + "/online", Map.of("online", online));
	}

	/**
	 * Returns the real time at which the sandbox last switched the meter's relay on a
	 * client's command (the poller's), from the meter's ground-truth timeline. Valid
	 * while the clock runs at the speed it ran at then.
	 * @param premise the premise
	 * @param on {@code true} for the last switch on, {@code false} for the last switch
	 * off
	 * @return the instant, empty if no client ever switched the relay that way
	 */
	Optional<Instant> relaySwitchedByClientAt(Premise premise, boolean on) {
		JsonNode truth = this.system.admin("GET", "/devices/" + premise.deviceId() + "/truth", null);
		String type = on ? "relay_closed" : "relay_opened";
		String reason = on ? "relay_on_by_client" : "relay_off_by_client";
		Long simMillis = null;
		for (JsonNode event : truth.get("events")) {
			if (type.equals(event.get("type").asString())
					&& reason.equals(event.get("details").get("reason").asString())) {
				simMillis = event.get("sim_millis").asLong();
			}
		}
		return Optional.ofNullable(simMillis).map(this::realTimeOf);
	}

	/**
	 * Converts a simulated instant of the current run to real time: the sandbox's clock
	 * is read, and the distance is divided by the speed.
	 */
	private Instant realTimeOf(long simMillis) {
		Instant before = Instant.now();
		JsonNode clockNow = this.system.admin("GET", "/clock", null);
		Instant after = Instant.now();
		Instant realNow = before.plus(Duration.between(before, after).dividedBy(2));
		long speed = clockNow.get("speed").asLong();
		assertThat(speed).as("the simulated clock runs").isPositive();
		long simBehind = clockNow.get("sim_epoch_millis").asLong() - simMillis;
		return realNow.minus(Duration.ofNanos(simBehind * 1_000_000L / speed));
	}

	/** Lets the simulated clock run at {@link #SPEED}. */
	/**
	 * Waits until balance-service has read a first snapshot of the premise (its wallet is
	 * open and its relay known).
	 * @param premise the premise
	 */
	public void awaitFirstReading(Premise premise) {
		await("first reading of " + premise + " in balance-service").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> relayView(premise).get("latestObservedAt") != null);
	}

	public void run() {
		this.system.admin("PUT", "/clock", Map.of("speed", SPEED));
	}

	/** Pauses the simulated clock. */
	public void pause() {
		this.system.admin("PUT", "/clock", Map.of("speed", 0));
	}

	/**
	 * @param premise the premise
	 * @return every snapshot of it the poller published, in order
	 */
	PollTimeline timeline(Premise premise) {
		return new PollTimeline(this.system.snapshots().history(premise.id()));
	}

	/**
	 * @param premise the premise
	 * @return its latest snapshot
	 */
	Optional<DeviceSnapshotted> latestSnapshot(Premise premise) {
		return this.system.snapshots().latest(premise.id());
	}

	/**
	 * Finds the snapshot whose debit first took the premise's ledger balance below zero,
	 * from the statement (each line carries the idempotency key of its movement,
	 * {@code snapshot:<event id>} for a debit, and the balance after it).
	 * @param premise the premise
	 * @return the snapshot, empty if the balance never went below zero
	 */
	Optional<DeviceSnapshotted> snapshotThatWentNegative(Premise premise) {
		List<JsonNode> lines = statement(premise, LocalDate.now(this.clock));
		for (int i = lines.size() - 1; i >= 0; i--) {
			JsonNode line = lines.get(i);
			String reference = line.get("reference").asString();
			if (line.get("balanceAfterPaise").asLong() < 0 && reference.startsWith("snapshot:")) {
				UUID eventId = UUID.fromString(reference.substring("snapshot:".length()));
				return this.system.snapshots()
					.history(premise.id())
					.stream()
					.filter((s) -> s.eventId().equals(eventId))
					.findFirst();
			}
		}
		return Optional.empty();
	}

	/**
	 * @param premise the premise
	 * @return its statement lines of yesterday to tomorrow (IST), newest first
	 */
	List<JsonNode> statement(Premise premise) {
		return statement(premise, LocalDate.now(this.clock));
	}

	/**
	 * @param premise the premise
	 * @return the meter's balance at the sandbox now, in paise
	 */
	public long meterBalance(Premise premise) {
		return this.system.admin("GET", "/devices/" + premise.deviceId(), null).get("balance").asLong();
	}

	/** The statement lines of yesterday to tomorrow (IST), newest first. */
	private List<JsonNode> statement(Premise premise, LocalDate today) {
		JsonNode statement = this.system.balance("GET",
				"/api/premises/" + premise.id() + "/statement?from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
				null);
		assertThat(statement.get("truncated").asBoolean()).as("statement of %s truncated", premise.id()).isFalse();
		List<JsonNode> lines = new ArrayList<>();
		statement.get("lines").forEach(lines::add);
		return lines;
	}

	/**
	 * A premise under test.
	 *
	 * @param id its stable identity (udf1), the ledger's key
	 * @param deviceId its meter
	 * @param apiKey the Qube key that owns the meter
	 */
	public record Premise(String id, String deviceId, String apiKey) {

		@Override
		public String toString() {
			return this.id;
		}

	}

	private record Candidate(Premise premise, boolean hasRelay, long powerDeciW) {
	}

}
