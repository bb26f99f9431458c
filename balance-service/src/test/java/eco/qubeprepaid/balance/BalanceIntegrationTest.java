package eco.qubeprepaid.balance;

import java.math.BigDecimal;
import eco.qubeprepaid.events.TopUpCaptured;
import eco.qubeprepaid.events.Topics;
import java.time.LocalDateTime;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.net.URI;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.TariffKind;
import eco.qubeprepaid.testsupport.OperatorAuth;
import eco.qubeprepaid.testsupport.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring test configuration of balance-service, so that every integration test
 * shares one cached context on the real broker and a fresh real PostgreSQL database. Each
 * test uses its own premise ids, so tests do not see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(BalanceIntegrationTest.TestClock.class)
public abstract class BalanceIntegrationTest {

	protected static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	@Value("${local.server.port}")
	protected int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	protected KafkaTemplate<String, byte[]> kafka;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected EventCodec codec;

	/** The service clock: the system clock unless a test moves it (and resets it). */
	@Autowired
	protected MovableClock clock;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestServers.register(registry, "balance");
		// Tests wait for the relay; a short interval keeps them quick.
		registry.add("qp.platform.outbox.poll-interval", () -> "50ms");
		registry.add("qp.platform.consumer.retry-interval", () -> "100ms");
		registry.add("qp.platform.consumer.max-retry-interval", () -> "1s");
		// A database outage shows as a failed connection after a second, not thirty.
		registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
		// Tests drive the policy job themselves (PolicyJob.runDue) with the movable
		// clock;
		// the background round must not run in between.
		registry.add("qp.balance.policy.job-interval", () -> "1h");
	}

	/**
	 * @return a premise id no other test uses
	 */
	protected static String newPremise() {
		return "IT-Building." + UUID.randomUUID();
	}

	/**
	 * Publishes an event the way producers do: key = premise, headers id/type/version.
	 */
	protected void publish(String topic, DomainEvent event) {
		EventCodec.Encoded encoded = this.codec.encode(event);
		publishRaw(topic, event.premiseId(), encoded.payload(),
				Map.of(Headers.EVENT_ID, event.eventId().toString(), Headers.EVENT_TYPE, encoded.type().token(),
						Headers.EVENT_VERSION, Integer.toString(encoded.type().version())));
	}

	/** Publishes any record, malformed ones included. */
	protected void publishRaw(String topic, String key, byte[] payload, Map<String, String> headers) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
		headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		try {
			this.kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish to " + topic, ex);
		}
	}

	/**
	 * A snapshot of an online meter with the default rates (EB 500, DG 800 paise/kWh).
	 */
	protected static DeviceSnapshotted snapshot(String premise, String device, int epoch, String energyKwh,
			Instant observedAt, TariffKind activeTariff) {
		return new DeviceSnapshotted(UUID.randomUUID(), observedAt.plusSeconds(1), premise, "key-1", device, epoch,
				true, new BigDecimal(energyKwh), new BigDecimal("850"), new BigDecimal("230"), 0L, true,
				MeterMode.POSTPAID, 500L, 800L, activeTariff, false, OffsetDateTime.ofInstant(observedAt, IST), true);
	}

	/** Wallet balance straight from the ledger tables. */
	protected long walletBalance(String premise) {
		Long sum = this.jdbc.queryForObject(
				"SELECT coalesce(-sum(amount_paise), 0) FROM ledger_entry WHERE account_id = ?", Long.class,
				"wallet:" + premise);
		return (sum != null) ? sum : 0;
	}

	/**
	 * @param local a wall-clock time in IST, e.g. {@code 2026-03-02T23:30}
	 * @return the instant
	 */
	protected static Instant ist(String local) {
		return LocalDateTime.parse(local).atZone(IST).toInstant();
	}

	/** Credits a top-up through Kafka and waits until the ledger shows it. */
	protected void topUp(String premise, long paise) {
		long expected = walletBalance(premise) + paise;
		publish(Topics.PAYMENTS, new TopUpCaptured(UUID.randomUUID(), Instant.now(), premise,
				"pay_" + UUID.randomUUID(), paise, "sandbox-pay", Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(walletBalance(premise)).isEqualTo(expected));
	}

	/** The events of one type a reader has seen for a premise, decoded. */
	protected <T extends DomainEvent> List<T> events(TopicReader reader, String premise, Class<T> type) {
		return reader.recordsWithKey(premise)
			.stream()
			.map(this::decode)
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

	/** Decodes a record by its type and version headers. */
	protected DomainEvent decode(ConsumerRecord<String, byte[]> record) {
		return this.codec.decode(header(record, Headers.EVENT_TYPE),
				Integer.parseInt(header(record, Headers.EVENT_VERSION)), record.value());
	}

	/** GETs a path of this service. */
	protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(uri(path)).header("Authorization", OperatorAuth.MONEY).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** DELETEs a path of this service. */
	protected HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(uri(path)).header("Authorization", OperatorAuth.MONEY).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** PUTs JSON to a path of this service. */
	protected HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", OperatorAuth.MONEY)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** POSTs JSON to a path of this service. */
	protected HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", OperatorAuth.MONEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The URI of a path of this service. */
	protected URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * After every integration test, the running balance of every wallet (which the
	 * service reads) must equal minus the sum of the wallet's entries (the ledger's
	 * truth), checked by one SQL statement so that both are seen at the same moment.
	 */
	@AfterEach
	void runningBalancesEqualTheLedger() {
		List<String> mismatched = this.jdbc.queryForList("""
				SELECT a.account_id FROM account a
				LEFT JOIN wallet_balance b ON b.account_id = a.account_id
				WHERE a.kind = 'WALLET' AND (b.balance_paise IS NULL OR b.balance_paise
				    <> coalesce(-(SELECT sum(e.amount_paise) FROM ledger_entry e WHERE e.account_id = a.account_id), 0))
				""", String.class);
		assertThat(mismatched).as("wallets whose running balance differs from their entries").isEmpty();
	}

	/** Reads records of one topic from the beginning, with a consumer of its own. */
	protected static final class TopicReader implements AutoCloseable {

		private final KafkaConsumer<String, byte[]> consumer;

		private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

		public TopicReader(String topic) {
			this.consumer = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.get().kafkaBootstrapServers(),
							ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
							ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
					new StringDeserializer(), new ByteArrayDeserializer());
			this.consumer.subscribe(List.of(topic));
		}

		/**
		 * Polls once more and returns every record seen so far with this key.
		 * @param key the record key
		 * @return the records
		 */
		public List<ConsumerRecord<String, byte[]>> recordsWithKey(String key) {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
			return this.seen.stream().filter((r) -> key.equals(r.key())).toList();
		}

		@Override
		public void close() {
			this.consumer.close(Duration.ofSeconds(2));
		}

	}

	/** Provides the service clock that tests may move. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	/**
	 * @return a header's value as text, or {@code null}
	 */
	protected static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
