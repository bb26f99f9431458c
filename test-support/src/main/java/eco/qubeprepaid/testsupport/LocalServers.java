package eco.qubeprepaid.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a standalone Kafka broker and PostgreSQL server on 127.0.0.1 for local runs and
 * CI, without Docker. {@code tools/servers.sh} starts it in the background.
 *
 * <p>
 * Arguments: {@code --dir DIR --kafka-port P --controller-port P --pg-port P
 * [--databases a,b,c] [--only kafka|postgres] [--fast-for-tests]}. When the servers are
 * ready it writes {@code DIR/servers.env} with the {@code QP_TEST_*} variables that
 * {@link TestServers} reads in EXTERNAL mode (with {@code --only}, {@code DIR/<only>.env}
 * with that server's variable); it stops them cleanly on SIGTERM or Ctrl-C. PostgreSQL is
 * durable (fsync and synchronous commit on) unless {@code --fast-for-tests} says the data
 * is a test's to lose.
 */
public final class LocalServers {

	private LocalServers() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(option(args, "--dir", ".run/servers"));
		int kafkaPort = Integer.parseInt(option(args, "--kafka-port", "19092"));
		int controllerPort = Integer.parseInt(option(args, "--controller-port", "19093"));
		int pgPort = Integer.parseInt(option(args, "--pg-port", "15432"));
		List<String> databases = List.of(option(args, "--databases", "").split(","))
			.stream()
			.filter((name) -> !name.isBlank())
			.toList();
		String only = option(args, "--only", "");
		if (!only.isEmpty() && !only.equals("kafka") && !only.equals("postgres")) {
			throw new IllegalArgumentException("--only takes kafka or postgres, got '" + only + "'");
		}
		boolean durable = !List.of(args).contains("--fast-for-tests");
		boolean withKafka = !only.equals("postgres");
		boolean withPostgres = !only.equals("kafka");
		Files.createDirectories(dir);
		Path envFile = dir.resolve(only.isEmpty() ? "servers.env" : only + ".env");
		Files.deleteIfExists(envFile);

		Instant began = Instant.now();
		LocalPostgres postgres = withPostgres ? LocalPostgres.start(dir.resolve("postgres"), pgPort, durable) : null;
		LocalKafka kafka = withKafka ? LocalKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort, false) : null;
		PostgresServer server = (postgres != null) ? postgres.server() : null;
		if (server != null) {
			for (String database : databases) {
				createIfMissing(server, database);
			}
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out
				.println("[servers] stopping" + (withKafka ? " Kafka" : "") + (withPostgres ? " PostgreSQL" : ""));
			if (kafka != null) {
				kafka.close();
			}
			if (postgres != null) {
				postgres.close();
			}
			stopped.countDown();
		}, "local-servers-shutdown"));

		List<String> env = new ArrayList<>();
		if (kafka != null) {
			env.add("QP_TEST_KAFKA_BOOTSTRAP=" + kafka.bootstrapServers());
		}
		if (server != null) {
			env.add("QP_TEST_PG_URL=" + server.adminJdbcUrl());
			env.add("QP_TEST_PG_USER=" + server.username());
			env.add("QP_TEST_PG_PASSWORD=" + server.password());
		}
		Path partial = dir.resolve(envFile.getFileName() + ".partial");
		Files.write(partial, env, StandardCharsets.UTF_8);
		Files.move(partial, envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		System.out.printf("[servers]%s%s ready in %d ms; databases %s%n",
				(kafka != null) ? " Kafka " + kafka.bootstrapServers() : "",
				(server != null) ? " PostgreSQL " + server.adminJdbcUrl() + " (" + server.serverVersion()
						+ (durable ? ", durable: fsync and synchronous_commit on"
								: ", FAST FOR TESTS: fsync and synchronous_commit off")
						+ ")" : "",
				Duration.between(began, Instant.now()).toMillis(), databases);
		stopped.await();
	}

	private static void createIfMissing(PostgresServer server, String database) throws SQLException {
		if (!database.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Database name must be lower-case letters, digits and _: " + database);
		}
		try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement
				.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
				if (exists.next()) {
					return;
				}
			}
			statement.execute("CREATE DATABASE " + database);
		}
	}

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
