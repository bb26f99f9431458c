package eco.qubeprepaid.service.outbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import eco.qubeprepaid.events.DeviceIdentityMissing;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.testsupport.PostgresServer;
import eco.qubeprepaid.testsupport.TestServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The shared outbox and relay on the real broker and PostgreSQL of the tests, without a
 * service around them: order, keys and headers on the wire, rows marked published only
 * after the broker's acknowledgement, one relay at a time, and appends that live and die
 * with the caller's transaction. The table is the one balance-service's V3 and
 * poller-service's V2 + V3 migrations create.
 */
class OutboxRelayIT {

	private static final String TOPIC = Topics.DEVICE_REGISTRY;

	private static final long LOCK_KEY = 0x7E57_0001L;

	private static final int BATCH_SIZE = 2;

	private static final Instant NOW = Instant.parse("2025-09-07T04:30:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Kolkata"));

	private static HikariDataSource dataSource;

	private static DefaultKafkaProducerFactory<String, byte[]> producers;

	private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

	private final DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);

	private final TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);

	private final Outbox outbox = new Outbox(this.jdbc, new EventCodec(), CLOCK);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final OutboxRelay relay = relay(new KafkaTemplate<>(producers), "outbox.test.pending");

	@BeforeAll
	static void servers() throws ExecutionException, InterruptedException {
		TestServers servers = TestServers.get();
		PostgresServer.Database database = servers.postgres().createDatabase("service_support");
		dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(database.username());
		dataSource.setPassword(database.password());
		dataSource.setMaximumPoolSize(4);
		new JdbcTemplate(dataSource).execute("""
				CREATE TABLE outbox (
				    outbox_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    event_id      uuid        NOT NULL UNIQUE,
				    event_type    varchar     NOT NULL,
				    event_version integer     NOT NULL,
				    topic         varchar     NOT NULL,
				    message_key   varchar     NOT NULL,
				    payload       bytea       NOT NULL,
				    created_at    timestamptz NOT NULL DEFAULT now(),
				    published_at  timestamptz
				)""");
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
		producers = new DefaultKafkaProducerFactory<>(producerProperties(servers.kafkaBootstrapServers()));
	}

	@AfterAll
	static void close() {
		producers.destroy();
		dataSource.close();
	}

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.execute("TRUNCATE outbox");
	}

	@Test
	void publishesEveryPendingRowInIdOrderKeyedByPremiseWithEventHeaders() {
		String device = newDevice();
		List<DeviceIdentityMissing> events = IntStream.range(0, 5).mapToObj((i) -> missing(device)).toList();
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(events.subList(0, 4));
			this.outbox.append(events.get(4));
		});

		// Five rows with batches of two: the round goes on while batches are full.
		this.relay.round();

		List<ConsumerRecord<String, byte[]>> records = recordsWithKey(DeviceIdentityMissing.KEY_PREFIX + device);
		assertThat(records).extracting((record) -> header(record, Headers.EVENT_ID))
			.containsExactlyElementsOf(events.stream().map((event) -> event.eventId().toString()).toList());
		assertThat(records).allSatisfy((record) -> {
			assertThat(header(record, Headers.EVENT_TYPE)).isEqualTo("device-identity-missing");
			assertThat(header(record, Headers.EVENT_VERSION)).isEqualTo("1");
		});
		assertThat(this.jdbc.queryForList("SELECT published_at FROM outbox", OffsetDateTime.class)).hasSize(5)
			.allSatisfy((publishedAt) -> assertThat(publishedAt.toInstant()).isEqualTo(NOW));
		assertThat(this.meters.get("outbox.test.pending").gauge().value()).isZero();
	}

	@Test
	void marksNothingPublishedUntilTheBrokerAcknowledgesAndThenSendsTheSameEvents() throws IOException {
		String device = newDevice();
		List<DeviceIdentityMissing> events = List.of(missing(device), missing(device));
		this.transactions.executeWithoutResult((status) -> this.outbox.append(events));
		DefaultKafkaProducerFactory<String, byte[]> unreachable = new DefaultKafkaProducerFactory<>(
				producerProperties("127.0.0.1:" + closedPort()));
		try {
			OutboxRelay cutOff = relay(new KafkaTemplate<>(unreachable), "outbox.cutoff.pending");
			assertThatIllegalStateException().isThrownBy(cutOff::publishBatch)
				.withMessageContaining("did not acknowledge");
			cutOff.round();
			assertThat(pendingRows()).isEqualTo(2);
			assertThat(this.meters.get("outbox.cutoff.pending").gauge().value())
				.as("the backlog shows while the broker is away")
				.isEqualTo(2);
		}
		finally {
			unreachable.destroy();
		}
		assertThat(recordsWithKey(DeviceIdentityMissing.KEY_PREFIX + device)).isEmpty();

		assertThat(this.relay.publishBatch()).isEqualTo(2);

		assertThat(recordsWithKey(DeviceIdentityMissing.KEY_PREFIX + device))
			.extracting((record) -> header(record, Headers.EVENT_ID))
			.containsExactly(events.get(0).eventId().toString(), events.get(1).eventId().toString());
		assertThat(pendingRows()).isZero();
	}

	@Test
	void publishesNothingWhileAnotherRelayHoldsTheLock() throws SQLException {
		String device = newDevice();
		this.transactions.executeWithoutResult((status) -> this.outbox.append(missing(device)));
		try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
			try {
				assertThat(this.relay.publishBatch()).isZero();
				assertThat(pendingRows()).isEqualTo(1);
				this.relay.round();
				assertThat(this.meters.get("outbox.test.pending").gauge().value())
					.as("a round that could not publish counts the backlog")
					.isEqualTo(1);
				assertThat(recordsWithKey(DeviceIdentityMissing.KEY_PREFIX + device)).isEmpty();
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
			}
		}

		assertThat(this.relay.publishBatch()).isEqualTo(1);
		assertThat(recordsWithKey(DeviceIdentityMissing.KEY_PREFIX + device)).hasSize(1);
	}

	@Test
	void readsAboveTheFloorAndPublishesARowCommittedBelowItAtTheNextSweep() throws Exception {
		OutboxRelay relay = relay(new KafkaTemplate<>(producers), "outbox.floor.pending", Duration.ZERO,
				Duration.ofSeconds(1));
		String device = newDevice();
		DeviceIdentityMissing late = missing(device);
		DeviceIdentityMissing early = missing(device);
		// A long transaction takes its id first and commits after a later one.
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> longTransaction = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((status) -> {
				this.outbox.append(late);
				appended.countDown();
				try {
					assertThat(commit.await(30, TimeUnit.SECONDS)).as("told to commit").isTrue();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}));
		assertThat(appended.await(30, TimeUnit.SECONDS)).as("the long transaction appended").isTrue();
		this.transactions.executeWithoutResult((status) -> this.outbox.append(early));
		relay.round();
		long earlyId = this.jdbc.queryForObject("SELECT outbox_id FROM outbox WHERE event_id = ?", Long.class,
				early.eventId());
		assertThat(relay.floor()).as("the floor passed the open transaction's row").isEqualTo(earlyId);
		commit.countDown();
		longTransaction.get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			relay.round();
			assertThat(recordsWithKey(DeviceIdentityMissing.KEY_PREFIX + device))
				.extracting((record) -> header(record, Headers.EVENT_ID))
				.containsExactlyInAnyOrder(early.eventId().toString(), late.eventId().toString());
		});
		assertThat(pendingRows()).isZero();
	}

	@Test
	void appendsOnlyInsideTheCallersTransactionAndRollsBackWithIt() {
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(List.of(missing(newDevice()), missing(newDevice())));
			assertThat(pendingRows()).as("visible inside the transaction").isEqualTo(2);
			status.setRollbackOnly();
		});
		assertThat(pendingRows()).isZero();

		assertThatIllegalStateException().isThrownBy(() -> this.outbox.append(missing(newDevice())));
		assertThat(pendingRows()).isZero();
	}

	private OutboxRelay relay(KafkaTemplate<String, byte[]> kafka, String gauge, Duration settle,
			Duration sweepInterval) {
		return new OutboxRelay(
				this.outbox, kafka, this.transactionManager, new OutboxRelay.Settings("test-relay", LOCK_KEY,
						Duration.ofMillis(50), BATCH_SIZE, Duration.ofSeconds(5), gauge, settle, sweepInterval),
				CLOCK, this.meters);
	}

	private OutboxRelay relay(KafkaTemplate<String, byte[]> kafka, String gauge) {
		return new OutboxRelay(this.outbox, kafka, this.transactionManager, new OutboxRelay.Settings("test-relay",
				LOCK_KEY, Duration.ofMillis(50), BATCH_SIZE, Duration.ofSeconds(5), gauge), CLOCK, this.meters);
	}

	private long pendingRows() {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM outbox WHERE published_at IS NULL", Long.class);
		return (count != null) ? count : 0;
	}

	private static String newDevice() {
		return "device-" + UUID.randomUUID();
	}

	private static DeviceIdentityMissing missing(String device) {
		return new DeviceIdentityMissing(UUID.randomUUID(), NOW, DeviceIdentityMissing.KEY_PREFIX + device, "key-1",
				device, 7L, "Flat 7", "udf1");
	}

	private static Map<String, Object> producerProperties(String bootstrapServers) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				// An unreachable broker fails a send within the relay's send timeout.
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
	}

	/** A loopback port that nothing listens on. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Reads the topic from the beginning up to its current end; the relay returns only
	 * after the broker acknowledged, so what it sent is there.
	 */
	private static List<ConsumerRecord<String, byte[]>> recordsWithKey(String key) {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestServers.get().kafkaBootstrapServers());
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC)
				.stream()
				.map((partition) -> new TopicPartition(TOPIC, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			Instant deadline = Instant.now().plusSeconds(30);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				assertThat(Instant.now()).as("reading %s up to its end", TOPIC).isBefore(deadline);
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
			}
			return found;
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
