package eco.qubeprepaid.systemtests.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import eco.qubeprepaid.balance.BalanceApplication;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.systemtests.support.KafkaSupport;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import eco.qubeprepaid.testsupport.TestServers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Throughput benchmark (issue 3): snapshots per second through balance-service, from the
 * first record produced to Kafka until the ledger has committed the last one, beside the
 * raw ceiling measured in the same run on the same PostgreSQL server: the same rows
 * written with plain JDBC batches ({@link RawLedgerInserts}).
 * <p>
 * balance-service runs as itself (its Spring Boot application with the properties the
 * system tests use) on the broker and PostgreSQL of {@link TestServers}. First every
 * premise gets one baseline snapshot and five billed ones (untimed, the warm-up), then
 * the timed snapshots each bill one interval. A sampling profiler watches the consumer
 * thread during the timed part.
 * <p>
 * Usage: {@code BalanceThroughputBenchmark [snapshots=20000] [premises=1000]
 * [listenerConcurrency] [timedRounds=3]}. The third argument (blank for the default) is
 * an experiment: it sets the snapshot listener's consumer threads, which are otherwise
 * three, one per partition.
 */
public final class BalanceThroughputBenchmark {

	private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	/** Billed snapshots per premise before the clock starts. */
	private static final int WARM_UP_ROUNDS = 5;

	private static final BigDecimal STEP_KWH = new BigDecimal("0.123456");

	private BalanceThroughputBenchmark() {
	}

	public static void main(String[] args) {
		try {
			run(args);
		}
		catch (Throwable ex) {
			// The in-JVM broker's threads would keep the JVM (and the script) waiting.
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	private static void run(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int premiseCount = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000;
		String concurrency = (args.length > 2 && !args[2].isBlank()) ? args[2] : null;
		int timedRounds = (args.length > 3) ? Integer.parseInt(args[3]) : DEFAULT_TIMED_ROUNDS;
		TestServers servers = TestServers.get();
		List<String> premises = new ArrayList<>();
		for (int i = 0; i < premiseCount; i++) {
			premises.add(String.format(Locale.ROOT, "Bench-%02d.Floor-%02d.Flat-%04d", i / 400, i / 8 % 50, i));
		}
		Instant origin = Instant.now().minus(Duration.ofDays(1));
		List<DeviceSnapshotted> baselines = new ArrayList<>();
		for (int i = 0; i < premiseCount; i++) {
			baselines.add(snapshot(premises.get(i), i, 0, origin));
		}
		// Untimed warm-up: a few billed rounds so that the JIT has compiled the billing
		// path and the pools are full before the clock starts, as in a running service.
		List<DeviceSnapshotted> warmUp = new ArrayList<>();
		for (int k = 0; k < WARM_UP_ROUNDS * premiseCount; k++) {
			int premise = k % premiseCount;
			warmUp.add(snapshot(premises.get(premise), premise, 1 + k / premiseCount, origin));
		}
		List<DeviceSnapshotted> timed = timedRound(premises, count, 1 + WARM_UP_ROUNDS, origin);

		Map<String, Object> properties = new LinkedHashMap<>(SystemUnderTest.balanceProperties(
				servers.kafkaBootstrapServers(), servers.postgres().createDatabase("bench_balance"), 25));
		if (concurrency != null) {
			properties.put("spring.kafka.listener.concurrency", concurrency);
			// The snapshot listener has its own setting, which wins over the listener
			// default.
			properties.put("qp.balance.consumer.snapshot-concurrency", concurrency);
		}
		ConfigurableApplicationContext balance = new SpringApplicationBuilder(BalanceApplication.class)
			.properties(properties)
			.run();
		JdbcTemplate jdbc = new JdbcTemplate(balance.getBean(DataSource.class));
		try (KafkaSupport kafka = new KafkaSupport(servers.kafkaBootstrapServers())) {
			baselines.forEach((s) -> kafka.publish(Topics.DEVICE_SNAPSHOTS, s));
			kafka.flush();
			awaitProcessed(jdbc, premiseCount, Duration.ofMinutes(5));
			warmUp.forEach((s) -> kafka.publish(Topics.DEVICE_SNAPSHOTS, s));
			kafka.flush();
			awaitProcessed(jdbc, premiseCount + warmUp.size(), Duration.ofMinutes(10));
			// Timed rounds one after another on the same service: the first shows a
			// service a few seconds after start (the JIT still compiling), the last its
			// steady state; the report's figures are the last round's.
			List<Double> rates = new ArrayList<>();
			List<String> roundLines = new ArrayList<>();
			long[] before = null;
			long produced = 0;
			long elapsed = 0;
			StackSampler sampler = null;
			ByteArrayOutputStream cpuReport = new ByteArrayOutputStream();
			for (int round = 0; round < timedRounds; round++) {
				List<DeviceSnapshotted> snapshots = (round == 0) ? timed : timedRound(premises, count,
						1 + WARM_UP_ROUNDS + round * roundsPerRun(count, premiseCount), origin);
				before = databaseStats(jdbc);
				long[] maintenanceBefore = maintenance(jdbc);
				long began = System.nanoTime();
				sampler = new StackSampler((name) -> name.startsWith("balance-snapshots"), 20);
				CpuAccount cpu = new CpuAccount(BalanceThroughputBenchmark::threadGroup, postgresPort(servers));
				try {
					snapshots.forEach((s) -> kafka.publish(Topics.DEVICE_SNAPSHOTS, s));
					kafka.flush();
					produced = System.nanoTime() - began;
					awaitLastOfEachPremise(jdbc, snapshots, Duration.ofMinutes(30));
					elapsed = System.nanoTime() - began;
				}
				finally {
					sampler.close();
				}
				rates.add(count / (elapsed / 1e9));
				String cpuLine = cpu.summary();
				long[] maintenanceAfter = maintenance(jdbc);
				roundLines.add(String.format(Locale.ROOT,
						"  round %2d: %,6.0f snapshots/s; %s; checkpoints +%d, autovacuums +%d, autoanalyzes +%d",
						round + 1, count / (elapsed / 1e9), cpuLine, maintenanceAfter[0] - maintenanceBefore[0],
						maintenanceAfter[1] - maintenanceBefore[1], maintenanceAfter[2] - maintenanceBefore[2])
						+ "; dead rows " + deadRows(jdbc));
				cpuReport.reset();
				PrintStream out = System.out;
				System.setOut(new PrintStream(cpuReport, true, StandardCharsets.UTF_8));
				try {
					cpu.print("snapshot", count);
				}
				finally {
					System.setOut(out);
				}
			}
			long[] after = databaseStats(jdbc);
			long billed = jdbc.queryForObject("SELECT count(*) FROM consumption", Long.class) - warmUp.size()
					- (long) (timedRounds - 1) * count;
			long plainNanos = new RawLedgerInserts(servers.postgres().createDatabase("bench_raw")).write(premises,
					timed, 1_000, false);
			long rewrittenNanos = new RawLedgerInserts(servers.postgres().createDatabase("bench_raw_multirow"))
				.write(premises, timed, 1_000, true);
			// The ratio is taken against the faster of the two ways of writing the rows.
			long rawNanos = Math.min(plainNanos, rewrittenNanos);

			double rate = count / (elapsed / 1e9);
			double ceiling = count / (rawNanos / 1e9);
			System.out.printf(Locale.ROOT,
					"%nbalance-service throughput (%s servers, %d cores, Java %s, listener concurrency %s)%n",
					servers.mode(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					(concurrency != null) ? concurrency : "as configured");
			System.out.printf(Locale.ROOT,
					"  snapshots: %,d over %,d premises (%,d billed intervals), produced in %.2f s%n", count,
					premiseCount, billed, produced / 1e9);
			System.out.printf(Locale.ROOT,
					"  end to end (produce -> ledger committed), rounds of %,d: %s snapshots/s%n", count,
					rates.stream().map((r) -> String.format(Locale.ROOT, "%,.0f", r)).toList());
			roundLines.forEach(System.out::println);
			System.out.printf(Locale.ROOT,
					"  end to end, last round (produce -> ledger committed): %.2f s = %,.0f snapshots/s%n",
					elapsed / 1e9, rate);
			System.out.printf(Locale.ROOT,
					"  raw ceiling, plain JDBC batches of 1,000 snapshots, same rows: %.2f s = %,.0f snapshots/s"
							+ " (statement by statement: %.2f s = %,.0f/s; multi-row INSERTs: %.2f s = %,.0f/s)%n",
					rawNanos / 1e9, ceiling, plainNanos / 1e9, count / (plainNanos / 1e9), rewrittenNanos / 1e9,
					count / (rewrittenNanos / 1e9));
			System.out.printf(Locale.ROOT, "  ratio: %.3f of the ceiling%n", rate / ceiling);
			System.out.printf(Locale.ROOT,
					"  per snapshot in PostgreSQL: %.2f commits, %.1f rows inserted, %.1f updated, %.1f fetched%n",
					(after[0] - before[0]) / (double) count, (after[1] - before[1]) / (double) count,
					(after[2] - before[2]) / (double) count, (after[3] - before[3]) / (double) count);
			System.out.print(cpuReport.toString(StandardCharsets.UTF_8));
			sampler.print();
			System.out.println("(end of report)");
		}
		finally {
			balance.close();
		}
	}

	/**
	 * Timed rounds unless the fourth argument says otherwise; the report's figures are
	 * the last one's.
	 */
	private static final int DEFAULT_TIMED_ROUNDS = 3;

	private static int roundsPerRun(int count, int premiseCount) {
		return (count + premiseCount - 1) / premiseCount;
	}

	private static List<DeviceSnapshotted> timedRound(List<String> premises, int count, int firstReading,
			Instant origin) {
		List<DeviceSnapshotted> round = new ArrayList<>();
		for (int k = 0; k < count; k++) {
			int premise = k % premises.size();
			round.add(snapshot(premises.get(premise), premise, firstReading + k / premises.size(), origin));
		}
		return round;
	}

	/** What a thread does, for the CPU account. */
	private static String threadGroup(String name) {
		if (name.startsWith("balance-snapshots")) {
			return "balance-service: snapshot consumers (decode, bill, write)";
		}
		if (name.equals("outbox-relay") || name.startsWith("kafka-producer")) {
			return "balance-service: outbox relay and Kafka producers";
		}
		if (name.equals("main")) {
			return "benchmark: encoding and producing the snapshots";
		}
		if (name.startsWith("balance-") || name.startsWith("scheduled-cutoffs")) {
			return "balance-service: other consumers and jobs";
		}
		if (name.startsWith("data-plane") || name.startsWith("kafka") || name.contains("Replica")
				|| name.startsWith("controller") || name.startsWith("broker") || name.startsWith("raft")
				|| name.startsWith("ExpirationReaper") || name.startsWith("LogDirFailureHandler")
				|| name.startsWith("quorum") || name.startsWith("group-coordinator")
				|| name.startsWith("transaction-log-manager")) {
			return "Kafka broker (in this JVM)";
		}
		if (name.startsWith("stack-sampler")) {
			return "benchmark: stack sampler";
		}
		return "other JVM threads (GC, JIT, pools): " + name.replaceAll("[-#]?\\d+$", "");
	}

	private static int postgresPort(TestServers servers) {
		String url = servers.postgres().adminJdbcUrl();
		Matcher port = Pattern.compile("//[^:/]+:(\\d+)/").matcher(url);
		return port.find() ? Integer.parseInt(port.group(1)) : 5432;
	}

	private static DeviceSnapshotted snapshot(String premise, int index, int reading, Instant origin) {
		Instant observed = origin.plusSeconds(60L * reading);
		return new DeviceSnapshotted(UUID.randomUUID(), observed, premise, "bench",
				String.format(Locale.ROOT, "QUBE-ONE-%012X", index), 1, true,
				new BigDecimal("1000.000000").add(STEP_KWH.multiply(BigDecimal.valueOf(reading))),
				new BigDecimal("7407.4"), new BigDecimal("230.1"), 100_000L, true, MeterMode.POSTPAID, 800L, 1500L,
				TariffKind.EB, false, observed.atZone(IST).toOffsetDateTime(), true);
	}

	/**
	 * Waits until the last snapshot of every premise is committed, which means all of
	 * them are: a premise's snapshots share a key, so a partition, and are applied in
	 * order. A primary-key lookup per premise, so that polling costs the database nothing
	 * next to the work measured (a {@code count(*)} of the growing table every 20 ms
	 * did).
	 */
	private static void awaitLastOfEachPremise(JdbcTemplate jdbc, List<DeviceSnapshotted> snapshots, Duration limit) {
		Map<String, UUID> last = new LinkedHashMap<>();
		snapshots.forEach((s) -> last.put(s.premiseId(), s.eventId()));
		String[] ids = last.values().stream().map(UUID::toString).toArray(String[]::new);
		await("balance-service committing the last snapshot of " + ids.length + " premises").atMost(limit)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE event_id = ANY(?::uuid[])",
					Long.class, (Object) ids) == ids.length);
	}

	private static void awaitProcessed(JdbcTemplate jdbc, long expected, Duration limit) {
		await("balance-service processing " + expected + " snapshots").atMost(limit)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc.queryForObject("SELECT count(*) FROM processed_events", Long.class) >= expected);
	}

	/**
	 * Commits, rows inserted, updated and fetched in the service's database so far.
	 * Backends report their statistics with a delay (about a second), all of a backend's
	 * pending counts at once: the figures are read once the statistics count every
	 * {@code processed_events} row there is, so the ledger's transactions are in them.
	 */
	private static long[] databaseStats(JdbcTemplate jdbc) {
		await("PostgreSQL's statistics to catch up with the ledger").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.queryForObject(
					"SELECT (SELECT n_tup_ins FROM pg_stat_user_tables"
							+ " WHERE relname = 'processed_events') = (SELECT count(*) FROM processed_events)",
					Boolean.class));
		return readStats(jdbc);
	}

	/**
	 * PostgreSQL's own background work so far: checkpoints (server-wide), autovacuums and
	 * autoanalyzes of this database's tables (as far as the statistics have caught up).
	 */
	private static long[] maintenance(JdbcTemplate jdbc) {
		// PostgreSQL 17 moved the checkpoint counters to their own view.
		String checkpoints = Boolean.TRUE.equals(
				jdbc.queryForObject("SELECT to_regclass('pg_catalog.pg_stat_checkpointer') IS NOT NULL", Boolean.class))
						? "(SELECT num_timed + num_requested FROM pg_stat_checkpointer)"
						: "(SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)";
		Map<String, Object> row = jdbc.queryForMap("SELECT " + checkpoints + " AS checkpoints,"
				+ " sum(autovacuum_count) AS vacuums, sum(autoanalyze_count) AS analyzes FROM pg_stat_user_tables");
		return new long[] { ((Number) row.get("checkpoints")).longValue(), ((Number) row.get("vacuums")).longValue(),
				((Number) row.get("analyzes")).longValue() };
	}

	/** The tables with the most dead row versions (vacuum's backlog), biggest first. */
	private static String deadRows(JdbcTemplate jdbc) {
		return String.join(", ",
				jdbc.queryForList("SELECT relname || ' ' || n_dead_tup || ' (' || n_tup_hot_upd"
						+ " || '/' || n_tup_upd || ' HOT)' FROM pg_stat_user_tables WHERE n_dead_tup > 0"
						+ " ORDER BY n_dead_tup DESC LIMIT 5", String.class));
	}

	private static long[] readStats(JdbcTemplate jdbc) {
		Map<String, Object> row = jdbc.queryForMap("SELECT xact_commit, tup_inserted, tup_updated, tup_fetched"
				+ " FROM pg_stat_database WHERE datname = current_database()");
		return new long[] { ((Number) row.get("xact_commit")).longValue(),
				((Number) row.get("tup_inserted")).longValue(), ((Number) row.get("tup_updated")).longValue(),
				((Number) row.get("tup_fetched")).longValue() };
	}

}
