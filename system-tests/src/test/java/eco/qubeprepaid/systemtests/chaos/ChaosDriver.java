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
 * Payments go through payment-service and the gateway's checkout
 * ({@link CheckoutPayments}): the low premises that pay, and some of the extra top-ups,
 * with the gateway delivering its webhooks twice, reordered, late, failing and dropped,
 * forged webhooks among them, every captured event redelivered once more at the end, and
 * two refunds.
 * <p>
 * Arguments: {@code sandboxUrl balanceUrl kafkaBootstrap pgBaseUrl workDir seed meters
 * speed paymentUrl}.
 */
public final class ChaosDriver {

	/** The credit of each low premise: it runs out within the first stretch. */
	private static final long LOW_CREDIT_PAISE = 500;

	/** What a paying low premise pays. */
	private static final long RESCUE_PAISE = 500_000;

	private static final int LOW_PREMISES = 6;

	/** What is refunded of two of the rescue payments. */
	private static final long REFUND_PAISE = 100_000;

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
		String payment = args[8];
		long began = System.nanoTime();
		SystemUnderTest system = SystemUnderTest.remote(sandbox, balance, payment, kafka);
		Random random = new Random(seed);
		CheckoutPayments payments = new CheckoutPayments(system, payment, random);
		List<String> refunds = new ArrayList<>();
		boolean passed;
		try {
			for (String key : SystemUnderTest.API_KEYS) {
				system.admin("PUT", "/rate-limit", Map.of("requests", 1000, "window_seconds", 5, "api_key", key));
			}
			system.admin("PUT", "/clock", Map.of("speed", 0));
			payments.gatewayFaults();
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
						payments.pay(low.get(i)[0], RESCUE_PAISE);
						rescued.add(low.get(i)[0]);
					}
					log("rescued (paid through the checkout) %s", rescued);
				}
				if (stretch == 4) {
					List<String> rescuePayments = payments.paid()
						.entrySet()
						.stream()
						.filter((p) -> rescued.contains(p.getValue()))
						.map(Map.Entry::getKey)
						.sorted()
						.limit(2)
						.toList();
					for (String paymentId : rescuePayments) {
						payments.awaitCredited(paymentId);
						refunds.add(payments.refund(paymentId, REFUND_PAISE, "chaos-" + seed + "-" + paymentId));
					}
					log("refunded %d p of %s", REFUND_PAISE, rescuePayments);
				}
				List<String> premises = new ArrayList<>(scenario.devices().keySet());
				for (int i = 0; i < 5; i++) {
					String premise = premises.get(random.nextInt(premises.size()));
					long paise = 1_000L * (1 + random.nextInt(500));
					if (i < 2) {
						payments.pay(premise, paise);
						scenario.credited(premise, paise);
					}
					else {
						scenario.topUp(premise, paise);
					}
				}
				payments.forge();
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
			log("late: every captured event redelivered once more (%d)", payments.redeliverCaptures());
			log("settled; judging");
			passed = judge(system, scenario, low, rescued, payments, refunds, pg, began);
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
			List<String> rescued, CheckoutPayments payments, List<String> refunds, String pg, long began)
			throws SQLException {
		List<String> failures = new ArrayList<>();
		awaitQuiet(system, pg, payments.paid().size());
		BillingScenario.Comparison billing = scenario.compare();
		scenario.report("after the crashes", billing);
		for (String mismatch : billing.mismatches()) {
			String premise = mismatch.substring(0, mismatch.indexOf(':'));
			Map<String, long[]> byKind = new java.util.TreeMap<>();
			for (JsonNode line : system.balance("GET", "/api/premises/" + premise + "/statement", null).get("lines")) {
				long[] sum = byKind.computeIfAbsent(line.get("kind").asString(), (k) -> new long[2]);
				sum[0]++;
				sum[1] += line.get("amountPaise").asLong();
			}
			StringBuilder kinds = new StringBuilder();
			byKind.forEach((kind, sum) -> kinds.append(' ')
				.append(kind)
				.append(" x")
				.append(sum[0])
				.append(' ')
				.append(sum[1])
				.append(" p;"));
			log("statement of %s by kind:%s", premise, kinds);
			for (JsonNode line : system.balance("GET", "/api/premises/" + premise + "/statement", null).get("lines")) {
				if (!"ENERGY".equals(line.get("kind").asString())) {
					log("  %s %s %s %d p (balance after %d p)", line.get("occurredAt").asString(),
							line.get("kind").asString(), line.get("description").asString(),
							line.get("amountPaise").asLong(), line.get("balanceAfterPaise").asLong());
				}
			}
		}
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
			check(failures, "each top-up published to Kafka credited once",
					wrong.isEmpty() && allTopUps == topUps.size() + payments.paid().size(),
					"%d published, %d credited, %d top-up transactions in the ledger (%d of them through the"
							+ " checkout)%s",
					topUps.size(), credited, allTopUps, payments.paid().size(),
					wrong.isEmpty() ? "" : ", wrong: " + wrong);
			judgePayments(failures, system, ledger, payments, refunds, pg);

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
			long paymentOutbox;
			try (Connection paymentDb = DriverManager.getConnection(pg + "/payment", "postgres", "postgres")) {
				paymentOutbox = count(paymentDb, "SELECT count(*) FROM outbox WHERE published_at IS NULL");
			}
			check(failures, "every outbox drained", ledgerOutbox == 0 && pollerOutbox == 0 && paymentOutbox == 0,
					"balance-service %d unpublished, poller-service %d, payment-service %d", ledgerOutbox, pollerOutbox,
					paymentOutbox);
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
	 * The payment invariants: every payment captured at the gateway credited once; the
	 * ledger's checkout top-ups equal the gateway's captured total, and its refunds (less
	 * reversals) the gateway's refunded total; every refund processed; no forged webhook
	 * accepted.
	 */
	private static void judgePayments(List<String> failures, SystemUnderTest system, Connection ledger,
			CheckoutPayments payments, List<String> refunds, String pg) throws SQLException {
		JsonNode truth = system.gateway("GET", "/truth", null);
		List<String> wrong = new ArrayList<>();
		long ledgerTopUps = 0;
		int capturedAtGateway = 0;
		for (JsonNode payment : truth.get("payments")) {
			String status = payment.get("status").asString();
			if (!status.equals("captured") && !status.equals("refunded")) {
				continue;
			}
			capturedAtGateway++;
			String key = "topup:" + payment.get("id").asString();
			long n = count(ledger, "SELECT count(*) FROM ledger_transaction WHERE idempotency_key = '" + key + "'");
			if (n != 1) {
				wrong.add(key + " x" + n);
			}
			ledgerTopUps += count(ledger,
					"SELECT coalesce(-sum(e.amount_paise), 0) FROM ledger_entry e JOIN ledger_transaction t"
							+ " ON t.tx_id = e.tx_id WHERE t.idempotency_key = '" + key
							+ "' AND e.account_id LIKE 'wallet:%'");
		}
		long capturedTotal = truth.get("captured_total").asLong();
		check(failures, "each payment captured at the gateway credited exactly once",
				wrong.isEmpty() && capturedAtGateway == payments.paid().size(),
				"%d paid through the checkout, %d captured at the gateway%s", payments.paid().size(), capturedAtGateway,
				wrong.isEmpty() ? "" : ", wrong: " + wrong);
		long ledgerRefunds = count(ledger, "SELECT coalesce(sum(e.amount_paise), 0) FROM ledger_entry e"
				+ " JOIN ledger_transaction t ON t.tx_id = e.tx_id WHERE t.kind IN ('REFUND', 'REFUND_REVERSAL')"
				+ " AND e.account_id LIKE 'wallet:%'");
		long refundedTotal = truth.get("refunded_total").asLong();
		check(failures, "the ledger's top-ups equal the gateway's captured total minus refunds",
				ledgerTopUps == capturedTotal && ledgerRefunds == refundedTotal,
				"ledger checkout top-ups %d p, gateway captured %d p; ledger refunds %d p, gateway refunded %d p;"
						+ " net %d = %d",
				ledgerTopUps, capturedTotal, ledgerRefunds, refundedTotal, ledgerTopUps - ledgerRefunds,
				capturedTotal - refundedTotal);
		try (Connection paymentDb = DriverManager.getConnection(pg + "/payment", "postgres", "postgres")) {
			long processed = count(paymentDb, "SELECT count(*) FROM refunds WHERE status = 'PROCESSED'");
			long all = count(paymentDb, "SELECT count(*) FROM refunds");
			check(failures, "every refund processed once", processed == refunds.size() && all == refunds.size(),
					"%d asked for, %d recorded, %d processed", refunds.size(), all, processed);
		}
		check(failures, "no forged webhook accepted",
				payments.forgedAccepted() == 0 && payments.forgedRefused() == payments.forgedSent(),
				"%d forged webhooks answered, %d refused (401), %d accepted", payments.forgedSent(),
				payments.forgedRefused(), payments.forgedAccepted());
	}

	/**
	 * Waits (at most {@link #SETTLE}) until no command is pending on either side, every
	 * outbox is drained, every payment made through the checkout is credited in the
	 * ledger (its webhook, a redelivery or reconciliation), every refund is finished and
	 * the gateway has no delivery left: restores still in their loop finish first. The
	 * checks then report the state as it is, whether or not this wait succeeded.
	 */
	private static void awaitQuiet(SystemUnderTest system, String pg, int paid) {
		try {
			await("no command pending, outboxes drained, payments credited").atMost(SETTLE)
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.until(() -> {
					try (Connection ledger = DriverManager.getConnection(pg + "/balance", "postgres", "postgres");
							Connection poller = DriverManager.getConnection(pg + "/poller", "postgres", "postgres");
							Connection payment = DriverManager.getConnection(pg + "/payment", "postgres", "postgres")) {
						return count(poller, "SELECT count(*) FROM device_commands WHERE status = 'PENDING'")
								+ count(ledger, "SELECT count(*) FROM policy_command WHERE status = 'REQUESTED'")
								+ count(ledger, "SELECT count(*) FROM outbox WHERE published_at IS NULL")
								+ count(poller, "SELECT count(*) FROM outbox WHERE published_at IS NULL")
								+ count(payment, "SELECT count(*) FROM outbox WHERE published_at IS NULL")
								+ count(payment,
										"SELECT count(*) FROM refunds WHERE status NOT IN ('PROCESSED',"
												+ " 'REFUSED', 'REVERSED')")
								+ system.gateway("GET", "/truth", null).get("pending_deliveries").asLong() == 0
								&& count(payment,
										"SELECT count(*) FROM captured_payments WHERE credited_at IS NOT NULL") >= paid;
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
