package eco.qubeprepaid.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries, PostgreSQL 17) started as a child
 * process of this JVM and listening on 127.0.0.1 only.
 * <p>
 * Durability is explicit: a server someone runs the system on ({@code ./run.sh}) keeps
 * {@code fsync} and {@code synchronous_commit} on, so a committed ledger transaction
 * survives a crash or a power cut; only tests may turn them off for speed, and the method
 * names say so.
 */
public final class LocalPostgres implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private LocalPostgres(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts a throw-away server for tests on a free loopback port with a fresh data
	 * directory, without fsync and synchronous commit: fast, and it may lose committed
	 * transactions on a crash, which a test's throw-away data can afford.
	 * @return the running server
	 */
	public static LocalPostgres startTemporaryForTests() {
		return start(null, 0, false);
	}

	/**
	 * Starts a durable server: fsync and synchronous commit on.
	 * @param dataDir the data directory to keep (reused across restarts), or {@code null}
	 * for a fresh temporary one
	 * @param port the port, or 0 for a free one
	 * @return the running server
	 */
	public static LocalPostgres start(Path dataDir, int port) {
		return start(dataDir, port, true);
	}

	/**
	 * Starts a server.
	 * @param dataDir the data directory to keep (reused across restarts), or {@code null}
	 * for a fresh temporary one
	 * @param port the port, or 0 for a free one
	 * @param durable whether fsync and synchronous commit are on (off only for tests)
	 * @return the running server
	 */
	public static LocalPostgres start(Path dataDir, int port, boolean durable) {
		try {
			// zonky turns synchronous_commit off unless told otherwise: set both
			// explicitly.
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", durable ? "on" : "off")
				.setServerConfig("synchronous_commit", durable ? "on" : "off")
				.setServerConfig("full_page_writes", durable ? "on" : "off")
				.setPGStartupWait(Duration.ofSeconds(30))
				.setPort((port != 0) ? port : LocalKafka.freePort());
			if (dataDir != null) {
				builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
			}
			return new LocalPostgres(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the local PostgreSQL server", ex);
		}
	}

	/**
	 * @return the port it listens on
	 */
	public int port() {
		return this.postgres.getPort();
	}

	/**
	 * @return the server's coordinates, pointing at its {@code postgres} database
	 */
	public PostgresServer server() {
		return new PostgresServer("jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres", "postgres",
				"postgres");
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop the local PostgreSQL server", ex);
		}
	}

}
