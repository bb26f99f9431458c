package eco.qubeprepaid.systemtests.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.systemtests.billing.BillingScenario;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The scenario and the judge of the crash harness ({@code tools/chaos.sh}), which runs
 * the sandbox, poller-service and balance-service as separate supervised processes and
 * kills them (and stops the broker and PostgreSQL) while this drives them.
 * <p>
 * It runs {@link BillingScenario} (DG runs, a replacement, a register reset, an offline
 * spell, a tariff change) plus a group of system-enforced premises on low credit that run
 * out and are cut, half of which then pay; extra top-ups land on random premises. When
 * the scenario's last stretch begins it writes {@code scenario.done} and keeps the clock
 * running until the harness writes {@code chaos.done}; then it lets everything settle and
 * prints each invariant, exiting 1 if any fails.
 * <p>
 * Arguments: {@code sandboxUrl balanceUrl kafkaBootstrap pgBaseUrl workDir seed meters
 * speed}.
 */
public final class ChaosDriver {

	/** The credit of each low premise: it runs out within the first stretch. */
	private static final long LOW_CREDIT_PAISE = 500;

	/** What a paying low premise pays. */
	private static final long RESCUE_PAISE = 500_000;

	private static final int LOW_PREMISES = 6;

	/** A nightly window from and until the same time: none. */
	private static final String NO_WINDOW = "00:00:00";

	private static final Duration SETTLE = Duration.ofMinutes(4);

	private ChaosDriver() {
	}

	public static void main(String[] args) throws Exception {
		String sandbox = args[0];
		String balance = args[1];
		String kafka = args[2];
		String pg = args[3];
		Path work = Path.of(args[4]);
		long seed = Long.parseLong(args[5]);
		int meters = Integer.parseInt(args[6]);
		long speed = Long.parseLong(args[7]);
		long began = System.nanoTime();
		SystemUnderTest system = SystemUnderTest.remote(sandbox, balance, kafka);
		Random random = new Random(seed);
		boolean passed;
		try {
			for (String key : SystemUnderTest.API_KEYS) {
				system.admin("PUT", "/rate-limit", Map.of("requests", 1000, "window_seconds", 5, "api_key", key));
			}
			system.admin("PUT", "/clock", Map.of("speed", 0));
			BillingScenario scenario = new BillingScenario(system, seed, meters, 4, Duration.ofMinutes(4), speed);
			List<String[]> low = lowPremises(system, seed);
			low.forEach((premise) -> scenario.topUp(premise[0], LOW_CREDIT_PAISE));
			log("low-credit premises (system-enforced, no friendly window, %d p each): %s", LOW_CREDIT_PAISE,
					low.stream().map((p) -> p[0]).toList());
			List<String> rescued = new ArrayList<>();
			scenario.run((stretch) -> {
				log("stretch %d done at sim %s", stretch,
						system.admin("GET", "/clock", null).get("sim_time").asString());
				if (stretch == 2) {
					for (int i = 0; i < low.size(); i += 2) {
						scenario.topUp(low.get(i)[0], RESCUE_PAISE);
						rescued.add(low.get(i)[0]);
					}
					log("rescued (paid) %s", rescued);
				}
				List<String> premises = new ArrayList<>(scenario.devices().keySet());
				for (int i = 0; i < 5; i++) {
					scenario.topUp(premises.get(random.nextInt(premises.size())), 1_000L * (1 + random.nextInt(500)));
				}
				system.kafka().flush();
				if (stretch == 6) {
					signal(work, "scenario.done");
					log("scenario done; the clock runs until the harness stops its faults");
					system.admin("PUT", "/clock", Map.of("speed", speed));
					await("the harness's faults are over").atMost(Duration.ofMinutes(30))
						.pollInterval(Duration.ofSeconds(1))
						.until(() -> Files.exists(work.resolve("chaos.done")));
				}
			});
			log("settled; judging");
			passed = judge(system, scenario, low, rescued, pg, began);
		}
		finally {
			system.admin("PUT", "/clock", Map.of("speed", 0));
			system.close();
		}
		System.exit(passed ? 0 : 1);
	}

	/**
	 * A space of POSTPAID meters at zero, each with an explicit system-enforced policy
	 * without friendly windows and a small credit: they run out and the policy cuts them.
	 */
	private static List<String[]> lowPremises(SystemUnderTest system, long seed) {
		JsonNode created = system.admin("POST", "/fleet",
				Map.of("seed", seed + 1, "meters", LOW_PREMISES, "spaces", 1, "api_keys",
						List.of(SystemUnderTest.API_KEYS.get(0)), "mode",
						MeterMode.POSTPAID.name().toLowerCase(Locale.ROOT), "balance_paise", 0));
		List<String[]> premises = new ArrayList<>();
		for (JsonNode device : created.get("devices")) {
			String id = device.get("udf1").asString();
			String deviceId = device.get("device_id").asString();
			if (!system.admin("GET", "/devices/" + deviceId, null).get("has_relay").asBoolean()) {
				continue;
			}
			system.balance("PUT", "/api/premises/" + id + "/policy",
					Map.of("enforcement", "SYSTEM", "ladder", List.of("30%", "10%", "0%"), "friendlyFrom", NO_WINDOW,
							"friendlyUntil", NO_WINDOW, "friendlyWeekdays", List.of(), "updatedBy", "chaos"));
			premises.add(new String[] { id, deviceId });
		}
		return premises;
	}

	private static boolean judge(SystemUnderTest system, BillingScenario scenario, List<String[]> low,
			List<String> rescued, String pg, long began) throws SQLException {
		List<String> failures = new ArrayList<>();
		awaitQuiet(pg);
		BillingScenario.Comparison billing = scenario.compare();
		scenario.report("after the crashes", billing);
		check(failures,
				"every premise's debits equal the sandbox's ground truth to the paisa, and its balance the credits"
						+ " less them",
				billing.mismatches().isEmpty(), "%d premises, %d paise compared (DG %d), %d mismatches",
				scenario.devices().size(), billing.paiseCompared(), billing.dgPaise(), billing.mismatches().size());

		try (Connection ledger = DriverManager.getConnection(pg + "/balance", "postgres", "postgres");
				Connection poller = DriverManager.getConnection(pg + "/poller", "postgres", "postgres")) {
			long unbalanced = count(ledger, "SELECT count(*) FROM (SELECT tx_id FROM ledger_entry GROUP BY tx_id"
					+ " HAVING sum(amount_paise) <> 0) t");
			long total = count(ledger, "SELECT coalesce(sum(amount_paise), 0) FROM ledger_entry");
			long transactions = count(ledger, "SELECT count(*) FROM ledger_transaction");
			check(failures, "the books balance", unbalanced == 0 && total == 0,
					"%d transactions, %d unbalanced, sum of all entries %d", transactions, unbalanced, total);

			Map<String, String> topUps = scenario.topUps();
			long credited = 0;
			List<String> wrong = new ArrayList<>();
			for (String paymentId : topUps.keySet()) {
				long n = count(ledger,
						"SELECT count(*) FROM ledger_transaction WHERE idempotency_key = 'topup:" + paymentId + "'");
				credited += n;
				if (n != 1) {
					wrong.add(paymentId + " x" + n);
				}
			}
			long allTopUps = count(ledger, "SELECT count(*) FROM ledger_transaction WHERE kind = 'TOP_UP'");
			check(failures, "each top-up credited once", wrong.isEmpty() && allTopUps == topUps.size(),
					"%d published, %d credited, %d top-up transactions in the ledger%s", topUps.size(), credited,
					allTopUps, wrong.isEmpty() ? "" : ", wrong: " + wrong);

			List<String> lost = new ArrayList<>();
			long prepaid = 0;
			long worst = 0;
			for (Map.Entry<String, String> premise : scenario.devices().entrySet()) {
				JsonNode device = system.admin("GET", "/devices/" + premise.getValue(), null);
				if (!"PREPAID".equals(device.get("mode").asString())) {
					continue;
				}
				prepaid++;
				long wallet = system.balance("GET", "/api/premises/" + premise.getKey() + "/balance", null)
					.get("balancePaise")
					.asLong();
				long onMeter = device.get("balance").asLong();
				worst = Math.max(worst, wallet - onMeter);
				if (onMeter < wallet - 100) {
					lost.add(premise.getKey() + ": meter " + onMeter + ", wallet " + wallet);
				}
			}
			check(failures,
					"no meter's credit lost (a PREPAID meter holds its wallet, within the 100 p sync threshold)",
					lost.isEmpty(), "%d PREPAID meters, largest shortfall %d p%s", prepaid, worst,
					lost.isEmpty() ? "" : ": " + lost);

			List<String> wrongRelay = new ArrayList<>();
			int cut = 0;
			int on = 0;
			for (String[] premise : low) {
				long wallet = system.balance("GET", "/api/premises/" + premise[0] + "/balance", null)
					.get("balancePaise")
					.asLong();
				boolean relay = system.admin("GET", "/devices/" + premise[1], null).get("relay_state").asBoolean();
				boolean shouldBeOn = wallet > 0;
				if (relay != shouldBeOn) {
					wrongRelay.add(premise[0] + " wallet " + wallet + " relay " + (relay ? "on" : "off"));
				}
				cut += relay ? 0 : 1;
				on += relay ? 1 : 0;
			}
			long bystandersOff = scenario.devices().entrySet().stream().filter((p) -> {
				JsonNode device = system.admin("GET", "/devices/" + p.getValue(), null);
				return device.get("has_relay").asBoolean() && !device.get("relay_state").asBoolean();
			}).count();
			check(failures, "every cut-off the policy required done, none it forbade",
					wrongRelay.isEmpty() && bystandersOff == 0,
					"low-credit premises: %d cut for debt, %d on; funded premises with the supply off: %d%s", cut, on,
					bystandersOff, wrongRelay.isEmpty() ? "" : "; wrong: " + wrongRelay);
			long rescuedOn = rescued.stream()
				.filter((id) -> low.stream()
					.filter((p) -> p[0].equals(id))
					.allMatch((p) -> system.admin("GET", "/devices/" + p[1], null).get("relay_state").asBoolean()))
				.count();
			check(failures, "every paid premise back on", rescuedOn == rescued.size(), "%d of %d paid premises on",
					rescuedOn, rescued.size());

			long ledgerOutbox = count(ledger, "SELECT count(*) FROM outbox WHERE published_at IS NULL");
			long pollerOutbox = count(poller, "SELECT count(*) FROM outbox WHERE published_at IS NULL");
			check(failures, "every outbox drained", ledgerOutbox == 0 && pollerOutbox == 0,
					"balance-service %d unpublished, poller-service %d", ledgerOutbox, pollerOutbox);
			long pendingPoller = count(poller, "SELECT count(*) FROM device_commands WHERE status = 'PENDING'");
			long pendingPolicy = count(ledger, "SELECT count(*) FROM policy_command WHERE status = 'REQUESTED'");
			long commands = count(poller, "SELECT count(*) FROM device_commands");
			check(failures, "no command pending", pendingPoller == 0 && pendingPolicy == 0,
					"%d commands executed; pending: poller %d, balance-service %d", commands, pendingPoller,
					pendingPolicy);
		}
		log("snapshots %d, top-ups %d, time %d s", scenario.snapshots(), scenario.topUps().size(),
				Duration.ofNanos(System.nanoTime() - began).toSeconds());
		log(failures.isEmpty() ? "ALL INVARIANTS HOLD" : "FAILED: " + failures);
		return failures.isEmpty();
	}

	/**
	 * Waits (at most {@link #SETTLE}) until no command is pending on either side and both
	 * outboxes are drained: restores still in their loop finish first. The checks then
	 * report the state as it is, whether or not this wait succeeded.
	 */
	private static void awaitQuiet(String pg) {
		try {
			await("no command pending, outboxes drained").atMost(SETTLE)
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.until(() -> {
					try (Connection ledger = DriverManager.getConnection(pg + "/balance", "postgres", "postgres");
							Connection poller = DriverManager.getConnection(pg + "/poller", "postgres", "postgres")) {
						return count(poller, "SELECT count(*) FROM device_commands WHERE status = 'PENDING'")
								+ count(ledger, "SELECT count(*) FROM policy_command WHERE status = 'REQUESTED'")
								+ count(ledger, "SELECT count(*) FROM outbox WHERE published_at IS NULL")
								+ count(poller, "SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0;
					}
				});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			log("not quiet after %d s: %s", SETTLE.toSeconds(), ex.getMessage());
		}
	}

	private static void check(List<String> failures, String invariant, boolean holds, String format, Object... args) {
		System.out.printf(Locale.ROOT, "[chaos] %-4s %s: %s%n", holds ? "OK" : "FAIL", invariant,
				String.format(Locale.ROOT, format, args));
		if (!holds) {
			failures.add(invariant);
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void signal(Path work, String name) {
		try {
			Files.writeString(work.resolve(name), "");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("cannot write " + name, ex);
		}
	}

	private static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[chaos] " + format + "%n", args);
	}

}
