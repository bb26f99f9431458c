package eco.qubeprepaid.testsupport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker (KRaft, combined broker and controller) running inside this JVM and
 * bound to 127.0.0.1 only.
 *
 * <p>
 * spring-kafka-test's embedded broker is not used on purpose: its socket factory binds
 * every interface, and only loopback may be used on the build machines. This class
 * formats a log directory with Kafka's own {@code StorageTool} and starts
 * {@link KafkaRaftServer} with replication factors of one, which starts in one to two
 * seconds.
 */
public final class LocalKafka implements AutoCloseable {

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private final Path logDir;

	private final boolean deleteOnClose;

	private LocalKafka(KafkaRaftServer server, String bootstrapServers, Path logDir, boolean deleteOnClose) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
		this.logDir = logDir;
		this.deleteOnClose = deleteOnClose;
	}

	/**
	 * Starts a throw-away broker on free loopback ports with a fresh temporary log
	 * directory.
	 * @return the running broker
	 */
	public static LocalKafka startTemporary() {
		try {
			Path dir = Files.createTempDirectory("qp-kafka-");
			return start(dir, freePort(), freePort(), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a log directory for the local Kafka broker", ex);
		}
	}

	/**
	 * Starts a broker on the given loopback ports, keeping its data in {@code logDir}; an
	 * existing, already formatted directory is reused so a restart keeps its topics.
	 * @param logDir the log directory
	 * @param brokerPort the PLAINTEXT port clients connect to
	 * @param controllerPort the KRaft controller port
	 * @param deleteOnClose whether {@link #close()} removes the log directory
	 * @return the running broker
	 */
	public static LocalKafka start(Path logDir, int brokerPort, int controllerPort, boolean deleteOnClose) {
		try {
			Files.createDirectories(logDir);
			Properties props = brokerProperties(logDir, brokerPort, controllerPort);
			Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
			try (OutputStream out = Files.newOutputStream(config)) {
				props.store(out, "Qube Prepaid local Kafka broker (loopback only)");
			}
			if (!Files.exists(logDir.resolve("meta.properties"))) {
				format(config);
			}
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
			server.startup();
			return new LocalKafka(server, "127.0.0.1:" + brokerPort, logDir, deleteOnClose);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the local Kafka broker in " + logDir, ex);
		}
	}

	private static void format(Path config) {
		String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
		PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
		int status = StorageTool.execute(new String[] { "format", "-t", clusterId, "-c", config.toString() }, quiet);
		if (status != 0) {
			throw new IllegalStateException("Kafka StorageTool could not format " + config + " (exit " + status + ")");
		}
	}

	private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
		Properties props = new Properties();
		props.put("process.roles", "broker,controller");
		props.put("node.id", "1");
		props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
		props.put("controller.listener.names", "CONTROLLER");
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("log.dirs", logDir.toString());
		props.put("num.partitions", "3");
		props.put("default.replication.factor", "1");
		props.put("offsets.topic.replication.factor", "1");
		props.put("offsets.topic.num.partitions", "3");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("group.initial.rebalance.delay.ms", "0");
		props.put("auto.create.topics.enable", "true");
		props.put("log.flush.interval.messages", "10000");
		return props;
	}

	/**
	 * @return the {@code host:port} list for clients
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
		if (this.deleteOnClose) {
			Directories.deleteQuietly(this.logDir);
			Directories.deleteQuietly(this.logDir.resolveSibling(this.logDir.getFileName() + ".properties"));
		}
	}

	/**
	 * Finds a free TCP port on the loopback interface.
	 * @return a port number that was free a moment ago
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port", ex);
		}
	}

	@Override
	public String toString() {
		return "LocalKafka[" + this.bootstrapServers + "]";
	}

}
