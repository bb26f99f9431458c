package eco.qubeprepaid.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries, PostgreSQL 17) started as a child
 * process of this JVM and listening on 127.0.0.1 only.
 */
public final class LocalPostgres implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private LocalPostgres(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts a throw-away server on a free loopback port with a fresh data directory.
	 * @return the running server
	 */
	public static LocalPostgres startTemporary() {
		return start(null, 0);
	}

	/**
	 * Starts a server.
	 * @param dataDir the data directory to keep (reused across restarts), or {@code null}
	 * for a fresh temporary one
	 * @param port the port, or 0 for a free one
	 * @return the running server
	 */
	public static LocalPostgres start(Path dataDir, int port) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
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
