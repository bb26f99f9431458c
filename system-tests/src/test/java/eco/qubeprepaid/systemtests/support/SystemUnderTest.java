package eco.qubeprepaid.systemtests.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import eco.qubeprepaid.balance.BalanceApplication;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.notifier.NotifierApplication;
import eco.qubeprepaid.payment.PaymentApplication;
import eco.qubeprepaid.poller.PollerApplication;
import eco.qubeprepaid.sandbox.SandboxApplication;
import eco.qubeprepaid.testsupport.OperatorAuth;
import eco.qubeprepaid.testsupport.PostgresServer;
import eco.qubeprepaid.testsupport.SandboxInServiceJvm;
import eco.qubeprepaid.testsupport.TestServers;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The system in one JVM, started once and shared by every integration test of the module:
 * the real Qube sandbox (with its gateway and messaging provider), poller-, balance-,
 * payment- and notifier-service as separate Spring Boot applications on random 127.0.0.1
 * ports (notifier-service's operator webhook goes to an {@link OperatorWebhookTap}), on
 * the broker and PostgreSQL server of {@link TestServers}, each service with a fresh
 * database of its own.
 * <p>
 * The three applications share one classpath, on which {@code application.yml},
 * {@code qube-prepaid-service-defaults.yml} and {@code db/migration} exist several times.
 * So no context reads any configuration file ({@code spring.config.name} names a file
 * that does not exist): every property each one needs is passed explicitly here, and each
 * service's Flyway reads only its own scripts ({@link MigrationScripts}).
 * <p>
 * The sandbox starts with its clock paused at {@link #SIM_START}, no meters and the two
 * {@link #API_KEYS}; each test creates the meters it needs through the admin API (the
 * poller discovers them within a second) and drives the clock. The services run on the
 * real clock, so a snapshot's {@code observedAt} is real time while the meters live in
 * simulated time at up to {@link #MAX_SPEED} times real speed; balance-service's
 * plausibility bound ({@code qp.balance.max-power-kw}) is scaled by that factor
 * accordingly.
 */
public final class SystemUnderTest {

	/** The two Qube API keys the poller owns. */
	public static final List<String> API_KEYS = List.of("st-key-1", "st-key-2");

	/** The development operator with the money role, the same in a remote system. */
	private static final Map<String, String> OPERATOR = Map.of("Authorization", OperatorAuth.MONEY);

	/** Where simulated time starts: an Indian evening, when flats draw the most. */
	public static final String SIM_START = "2025-10-01T12:30:00Z";

	/** The fastest the tests run the simulated clock, in simulated seconds per second. */
	public static final long MAX_SPEED = 600;

	/** The highest power a premise draws, in real kW, as balance-service's default. */
	private static final long MAX_POWER_KW = 25;

	/** Polls per key the poller may spend per {@link #POLLER_WINDOW}. */
	private static final int POLLER_REQUESTS = 100;

	private static final String POLLER_WINDOW = "2s";

	/**
	 * The sandbox's limit per key, well above the poller's budget, so that the tests' own
	 * Qube calls (tariff changes) never cost the poller a 429.
	 */
	private static final int SANDBOX_REQUESTS = 1000;

	private static volatile SystemUnderTest instance;

	private final JsonHttp http = new JsonHttp();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final String sandboxUrl;

	private final String balanceUrl;

	/** payment-service's base URL (null in a handle on another process's system). */
	private final String paymentUrl;

	/** notifier-service's base URL (null in a handle on another process's system). */
	private final String notifierUrl;

	/** The HTTP addresses ({@code 127.0.0.1:port}) of every application of this JVM. */
	private final List<String> scrapeTargets = new ArrayList<>();

	/** Where notifier-service's operator webhook goes (null in a remote handle). */
	private final OperatorWebhookTap operatorHooks;

	private final KafkaSupport kafka;

	private final SnapshotTap snapshots;

	/**
	 * How long a call to balance-service is retried while it cannot be reached (zero in
	 * this JVM's system; a crashed and restarting process in the crash harness).
	 */
	private final Duration reachRetry;

	private boolean closed;

	/**
	 * A handle on a system running in other processes (the crash harness's): the same
	 * calls, and calls to balance-service are retried while it restarts.
	 * @param sandboxUrl the sandbox's base URL
	 * @param balanceUrl balance-service's base URL
	 * @param kafkaBootstrap the broker
	 * @param reachRetry how long to retry a call that cannot reach balance-service
	 */
	private SystemUnderTest(String sandboxUrl, String balanceUrl, String paymentUrl, String kafkaBootstrap,
			Duration reachRetry) {
		this.sandboxUrl = sandboxUrl;
		this.balanceUrl = balanceUrl;
		this.paymentUrl = paymentUrl;
		this.notifierUrl = null;
		this.operatorHooks = null;
		this.kafka = new KafkaSupport(kafkaBootstrap);
		this.snapshots = new SnapshotTap(kafkaBootstrap);
		this.reachRetry = reachRetry;
	}

	/**
	 * Returns a handle on a system that runs in other processes.
	 * @param sandboxUrl the sandbox's base URL, e.g. {@code http://127.0.0.1:18090}
	 * @param balanceUrl balance-service's base URL
	 * @param kafkaBootstrap the broker
	 * @return the handle; {@link #close()} it
	 */
	public static SystemUnderTest remote(String sandboxUrl, String balanceUrl, String kafkaBootstrap) {
		return remote(sandboxUrl, balanceUrl, null, kafkaBootstrap);
	}

	/**
	 * Returns a handle on a system, payment-service included, that runs in other
	 * processes; calls to balance- and payment-service are retried while they restart.
	 * @param sandboxUrl the sandbox's base URL
	 * @param balanceUrl balance-service's base URL
	 * @param paymentUrl payment-service's base URL, or null
	 * @param kafkaBootstrap the broker
	 * @return the handle; {@link #close()} it
	 */
	public static SystemUnderTest remote(String sandboxUrl, String balanceUrl, String paymentUrl,
			String kafkaBootstrap) {
		return new SystemUnderTest(sandboxUrl, balanceUrl, paymentUrl, kafkaBootstrap, Duration.ofMinutes(3));
	}

	/** Closes a handle from {@link #remote}. */
	public void close() {
		stop();
	}

	private SystemUnderTest() {
		this.reachRetry = Duration.ZERO;
		TestServers servers = TestServers.get();
		this.kafka = new KafkaSupport(servers.kafkaBootstrapServers());
		this.kafka.deleteProjectTopics();
		ConfigurableApplicationContext sandbox = start(SandboxApplication.class, sandboxProperties());
		this.sandboxUrl = url(sandbox);
		for (String key : API_KEYS) {
			admin("PUT", "/rate-limit", Map.of("requests", SANDBOX_REQUESTS, "window_seconds", 5, "api_key", key));
		}
		ConfigurableApplicationContext balance = start(BalanceApplication.class,
				balanceProperties(servers.kafkaBootstrapServers(), servers.postgres().createDatabase("st_balance")));
		this.balanceUrl = url(balance);
		this.snapshots = new SnapshotTap(servers.kafkaBootstrapServers());
		ConfigurableApplicationContext poller = start(PollerApplication.class, pollerProperties(
				servers.kafkaBootstrapServers(), servers.postgres().createDatabase("st_poller"), this.sandboxUrl));
		// The portal's links and the checkout's way back name payment-service's own URL,
		// so its port is chosen before it starts.
		int paymentPort = freePort();
		// payment-service sends the portal's sign-in codes through notifier-service,
		// which
		// starts after it: its port is chosen first too.
		int notifierPort = freePort();
		Map<String, Object> payment = paymentProperties(servers.kafkaBootstrapServers(),
				servers.postgres().createDatabase("st_payment"), this.sandboxUrl, this.balanceUrl,
				"http://127.0.0.1:" + paymentPort);
		payment.put("server.port", Integer.toString(paymentPort));
		payment.put("qp.payment.notifier.base-url", "http://127.0.0.1:" + notifierPort);
		payment.put("qp.payment.notifier.password", "payment-dev-service-password");
		start(PaymentApplication.class, payment);
		this.paymentUrl = "http://127.0.0.1:" + paymentPort;
		// The gateway simulator delivers its webhooks to payment-service.
		gateway("PUT", "/config", Map.of("webhook_url", this.paymentUrl + "/webhooks/gateway"));
		this.operatorHooks = new OperatorWebhookTap();
		Map<String, Object> notifierProperties = notifierProperties(servers.kafkaBootstrapServers(),
				servers.postgres().createDatabase("st_notifier"), this.sandboxUrl, this.operatorHooks.url());
		notifierProperties.put("server.port", Integer.toString(notifierPort));
		ConfigurableApplicationContext notifier = start(NotifierApplication.class, notifierProperties);
		this.notifierUrl = url(notifier);
		// The messaging provider's delivery receipts go to notifier-service.
		this.http.send("PUT", this.sandboxUrl + "/admin/messaging/config",
				Map.of("receiptUrl", this.notifierUrl + "/webhooks/messaging/receipts"), Map.of());
		for (ConfigurableApplicationContext context : List.of(sandbox, poller, balance, notifier)) {
			this.scrapeTargets.add(url(context).substring("http://".length()));
		}
		this.scrapeTargets.add("127.0.0.1:" + paymentPort);
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "system-under-test-shutdown"));
	}

	/**
	 * Returns the system of this JVM, starting it on first use.
	 * @return the running system
	 */
	public static SystemUnderTest get() {
		SystemUnderTest current = instance;
		if (current == null) {
			synchronized (SystemUnderTest.class) {
				current = instance;
				if (current == null) {
					current = new SystemUnderTest();
					instance = current;
				}
			}
		}
		return current;
	}

	private ConfigurableApplicationContext start(Class<?> application, Map<String, Object> properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application).properties(properties).run();
		this.contexts.add(context);
		return context;
	}

	/**
	 * Stops the system if this JVM started it, before the JVM's shutdown hooks stop the
	 * broker and the database under it (see {@link SystemShutdown}).
	 */
	static void stopIfStarted() {
		SystemUnderTest current = instance;
		if (current != null) {
			current.stop();
		}
	}

	private synchronized void stop() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.snapshots.close();
		this.kafka.close();
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
		this.contexts.clear();
		if (this.operatorHooks != null) {
			this.operatorHooks.close();
		}
	}

	private static Map<String, Object> common(String name) {
		Map<String, Object> properties = new LinkedHashMap<>();
		// A file name that exists nowhere: no application.yml of any module is read.
		properties.put("spring.config.name", "system-tests-" + name);
		properties.put("spring.application.name", name);
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("management.endpoints.web.exposure.include", "health,prometheus");
		// As qube-prepaid-service-defaults.yml (not read here): every meter names its
		// service, which the dashboards and alerts group by.
		properties.put("management.metrics.tags.application", name);
		properties.put("logging.level.org.apache.kafka", "WARN");
		return properties;
	}

	private static Map<String, Object> sandboxProperties() {
		Map<String, Object> properties = SandboxInServiceJvm.properties("system-tests-sandbox");
		properties.put("spring.application.name", "sandbox");
		properties.put("management.endpoints.web.exposure.include", "health,prometheus");
		properties.put("logging.level.org.apache.kafka", "WARN");
		properties.put("sandbox.qube.lenient-slashes", "false");
		properties.put("sandbox.qube.clock.speed", "0");
		properties.put("sandbox.qube.clock.start", SIM_START);
		properties.put("sandbox.qube.history-retention-days", "2");
		properties.put("sandbox.qube.quickstart.enabled", "false");
		properties.put("sandbox.qube.demo.meters", "0");
		properties.put("sandbox.qube.demo.api-keys", String.join(",", API_KEYS));
		return properties;
	}

	private static Map<String, Object> serviceCommon(String name, String kafka, PostgresServer.Database database,
			Class<?> application) {
		Map<String, Object> properties = common(name);
		// The platform's development operator and service accounts (no yml is read here).
		properties.put("qp.platform.operators[0].name", "ops-money");
		properties.put("qp.platform.operators[0].password", "{noop}money-dev-password");
		properties.put("qp.platform.operators[0].roles", "VIEWER,MONEY");
		properties.put("qp.platform.operators[1].name", "svc-payment");
		properties.put("qp.platform.operators[1].password", "{noop}payment-dev-service-password");
		properties.put("qp.platform.operators[1].roles", "VIEWER,SERVICE");
		properties.put("qp.platform.operators[2].name", "svc-alertmanager");
		properties.put("qp.platform.operators[2].password", "{noop}alertmanager-dev-service-password");
		properties.put("qp.platform.operators[2].roles", "SERVICE");
		properties.put("spring.datasource.url", database.jdbcUrl());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.datasource.hikari.maximum-pool-size", "10");
		properties.put("spring.flyway.enabled", "true");
		properties.put("spring.flyway.locations", MigrationScripts.locationOf(application));
		properties.put("spring.jooq.sql-dialect", "postgres");
		properties.put("spring.kafka.bootstrap-servers", kafka);
		properties.put("spring.kafka.producer.key-serializer",
				"org.apache.kafka.common.serialization.StringSerializer");
		properties.put("spring.kafka.producer.value-serializer",
				"org.apache.kafka.common.serialization.ByteArraySerializer");
		properties.put("spring.kafka.producer.acks", "all");
		properties.put("spring.kafka.producer.properties.enable.idempotence", "true");
		properties.put("spring.kafka.consumer.group-id", name);
		properties.put("spring.kafka.consumer.key-deserializer",
				"org.apache.kafka.common.serialization.StringDeserializer");
		properties.put("spring.kafka.consumer.value-deserializer",
				"org.apache.kafka.common.serialization.ByteArrayDeserializer");
		properties.put("spring.kafka.consumer.auto-offset-reset", "earliest");
		properties.put("spring.kafka.consumer.enable-auto-commit", "false");
		return properties;
	}

	/**
	 * The properties of balance-service, also used by the throughput benchmark.
	 * @param kafka the bootstrap servers
	 * @param database its own fresh database
	 * @param maxPowerKw the plausibility bound (real kW, scaled by any clock speed-up)
	 * @return the properties
	 */
	public static Map<String, Object> balanceProperties(String kafka, PostgresServer.Database database,
			long maxPowerKw) {
		Map<String, Object> properties = serviceCommon("balance-service", kafka, database, BalanceApplication.class);
		properties.put("qp.balance.max-power-kw", Long.toString(maxPowerKw));
		properties.put("qp.balance.tolerance-kwh", "0.05");
		properties.put("qp.balance.default-fixed-daily-paise", "0");
		properties.put("qp.platform.outbox.enabled", "true");
		properties.put("qp.platform.outbox.poll-interval", "100ms");
		properties.put("qp.platform.outbox.batch-size", "500");
		properties.put("qp.platform.outbox.send-timeout", "10s");
		properties.put("qp.platform.consumer.retries", "4");
		properties.put("qp.platform.consumer.retry-interval", "200ms");
		properties.put("qp.platform.consumer.precious-topics", Topics.PAYMENTS + "," + Topics.DEVICE_COMMAND_RESULTS);
		properties.put("qp.platform.topics.partitions", "3");
		// As balance-service's application.yml (not read here): snapshots in batches of
		// up
		// to 500, written as multi-row INSERTs (ADR 0007).
		properties.put("spring.kafka.consumer.max-poll-records", "500");
		properties.put("spring.datasource.hikari.data-source-properties[reWriteBatchedInserts]", "true");
		return properties;
	}

	private static Map<String, Object> balanceProperties(String kafka, PostgresServer.Database database) {
		return balanceProperties(kafka, database, MAX_POWER_KW * MAX_SPEED);
	}

	private static Map<String, Object> pollerProperties(String kafka, PostgresServer.Database database,
			String sandboxUrl) {
		Map<String, Object> properties = serviceCommon("poller-service", kafka, database, PollerApplication.class);
		properties.put("qube.base-url", sandboxUrl);
		properties.put("qube.identity-udf", "udf1");
		properties.put("qube.verify-interval", "200ms");
		for (int i = 0; i < API_KEYS.size(); i++) {
			properties.put("qube.keys[" + i + "].name", "st-" + (i + 1));
			properties.put("qube.keys[" + i + "].api-key", API_KEYS.get(i));
			properties.put("qube.keys[" + i + "].requests-per-window", Integer.toString(POLLER_REQUESTS));
			properties.put("qube.keys[" + i + "].window", POLLER_WINDOW);
		}
		properties.put("qp.poller.freshness-floor", "5s");
		properties.put("qp.poller.min-poll-interval", "200ms");
		properties.put("qp.poller.discovery-interval", "1s");
		properties.put("qp.poller.command-retry-interval", "1s");
		properties.put("qp.poller.idle-delay", "20ms");
		// As poller-service's application.yml, with the relay as quick as the workers.
		properties.put("qp.platform.outbox.enabled", "true");
		properties.put("qp.platform.outbox.poll-interval", "20ms");
		properties.put("qp.platform.outbox.batch-size", "200");
		properties.put("qp.platform.outbox.send-timeout", "30s");
		properties.put("qp.platform.consumer.retries", "0");
		properties.put("qp.platform.consumer.precious-topics", Topics.DEVICE_COMMANDS);
		properties.put("qp.platform.topics.partitions", "3");
		return properties;
	}

	/**
	 * The properties of payment-service: the sandbox's gateway simulator with its default
	 * credentials, and the tenant sent back to payment-service after the checkout.
	 * @param kafka the bootstrap servers
	 * @param database its own fresh database
	 * @param sandboxUrl the sandbox
	 * @param balanceUrl balance-service, which the portal reads
	 * @param paymentUrl payment-service's own URL (the portal's)
	 * @return the properties
	 */
	public static Map<String, Object> paymentProperties(String kafka, PostgresServer.Database database,
			String sandboxUrl, String balanceUrl, String paymentUrl) {
		Map<String, Object> properties = serviceCommon("payment-service", kafka, database, PaymentApplication.class);
		properties.put("qp.payment.balance.base-url", balanceUrl);
		properties.put("qp.payment.portal.base-url", paymentUrl);
		properties.put("qp.payment.top-up.return-url", paymentUrl + "/portal/top-ups/{top_up_id}");
		properties.put("spring.messages.basename", "messages");
		properties.put("spring.messages.encoding", "UTF-8");
		properties.put("spring.messages.fallback-to-system-locale", "false");
		properties.put("qp.payment.balance.username", "svc-payment");
		properties.put("qp.payment.balance.password", "payment-dev-service-password");
		properties.put("qp.payment.gateway.base-url", sandboxUrl);
		properties.put("qp.payment.gateway.checkout-url", sandboxUrl + "/checkout/{order_id}");
		properties.put("qp.payment.reconciliation.interval", "1h");
		properties.put("qp.platform.outbox.enabled", "true");
		properties.put("qp.platform.outbox.poll-interval", "20ms");
		properties.put("qp.platform.outbox.batch-size", "500");
		properties.put("qp.platform.outbox.send-timeout", "10s");
		properties.put("qp.platform.topics.partitions", "3");
		return properties;
	}

	/**
	 * The properties of notifier-service: SMS and WhatsApp through the sandbox's
	 * provider, email off (no SMTP server here), operator notices to a webhook, no quiet
	 * hours.
	 * @param kafka the bootstrap servers
	 * @param database its own fresh database
	 * @param sandboxUrl the sandbox (the messaging provider)
	 * @param operatorWebhook the operators' webhook
	 * @return the properties
	 */
	public static Map<String, Object> notifierProperties(String kafka, PostgresServer.Database database,
			String sandboxUrl, String operatorWebhook) {
		Map<String, Object> properties = serviceCommon("notifier-service", kafka, database, NotifierApplication.class);
		properties.put("qp.notifier.mail.host", "");
		properties.put("qp.notifier.messaging.base-url", sandboxUrl);
		properties.put("qp.notifier.messaging.api-key", "sandbox-messaging-key");
		properties.put("qp.notifier.messaging.receipt-secret", "sandbox-receipt-secret");
		properties.put("qp.notifier.operators.webhook-url", operatorWebhook);
		properties.put("qp.notifier.operators.webhook-secret", OperatorWebhookTap.SECRET);
		properties.put("qp.notifier.operators.email", "");
		properties.put("qp.notifier.quiet-hours.start", "00:00");
		properties.put("qp.notifier.quiet-hours.end", "00:00");
		properties.put("qp.notifier.delivery.poll-interval", "100ms");
		properties.put("qp.notifier.delivery.first-retry", "1s");
		properties.put("qp.platform.consumer.retries", "4");
		properties.put("qp.platform.consumer.retry-interval", "200ms");
		properties.put("qp.platform.consumer.precious-topics", Topics.TENANTS + "," + Topics.DEVICE_COMMAND_RESULTS);
		properties.put("qp.platform.topics.partitions", "3");
		return properties;
	}

	/**
	 * @return the {@code 127.0.0.1:port} of every application of this JVM's system, for a
	 * Prometheus to scrape
	 */
	public List<String> scrapeTargets() {
		return List.copyOf(this.scrapeTargets);
	}

	/**
	 * @return notifier-service's base URL
	 */
	public String notifierUrl() {
		return Objects.requireNonNull(this.notifierUrl, "notifier-service runs in this JVM's system only");
	}

	/**
	 * @return what notifier-service's operator webhook received
	 */
	public OperatorWebhookTap operatorHooks() {
		return Objects.requireNonNull(this.operatorHooks, "the operator webhook is this JVM's system's only");
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port on 127.0.0.1", ex);
		}
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * Calls the sandbox's admin API.
	 * @param method the method
	 * @param path the path under {@code /admin/qube}
	 * @param body the body (serialised as JSON), or {@code null}
	 * @return the answer
	 */
	public JsonNode admin(String method, String path, Object body) {
		return this.http.send(method, this.sandboxUrl + "/admin/qube" + path, body, Map.of());
	}

	/**
	 * Calls the sandbox's payment gateway admin API.
	 * @param method the method
	 * @param path the path under {@code /admin/gateway}
	 * @param body the body (serialised as JSON), or {@code null}
	 * @return the answer
	 */
	public JsonNode gateway(String method, String path, Object body) {
		return this.http.send(method, this.sandboxUrl + "/admin/gateway" + path, body, Map.of());
	}

	/**
	 * Calls payment-service's REST API.
	 * @param method the method
	 * @param path the path, such as {@code /api/top-ups}
	 * @param body the body, or {@code null}
	 * @return the answer
	 */
	public JsonNode payment(String method, String path, Object body) {
		return payment(method, path, body, Map.of());
	}

	/**
	 * Calls payment-service's REST API with headers of its own (e.g. an
	 * {@code Idempotency-Key}); retried while payment-service restarts, for a remote
	 * handle.
	 * @param method the method
	 * @param path the path
	 * @param body the body, or {@code null}
	 * @param headers more headers
	 * @return the answer
	 */
	public JsonNode payment(String method, String path, Object body, Map<String, String> headers) {
		if (this.paymentUrl == null) {
			throw new IllegalStateException("This handle has no payment-service");
		}
		Map<String, String> all = new java.util.HashMap<>(headers);
		all.put("Authorization", OperatorAuth.MONEY);
		return sendToService("payment-service", method, this.paymentUrl + path, body, all);
	}

	/**
	 * @return payment-service's base URL (the tenant portal is below it)
	 */
	public String paymentUrl() {
		return this.paymentUrl;
	}

	/**
	 * @return the sandbox's base URL (its checkout pages are below it)
	 */
	public String sandboxUrl() {
		return this.sandboxUrl;
	}

	/**
	 * Calls the sandbox's public Qube API with a key (costs a slot of the key's sandbox
	 * limit, which is set well above the poller's budget).
	 * @param apiKey the key
	 * @param method the method
	 * @param path the path under {@code /api/v2}
	 * @param body the body, or {@code null}
	 * @return the answer
	 */
	public JsonNode qube(String apiKey, String method, String path, Object body) {
		return this.http.send(method, this.sandboxUrl + "/api/v2" + path, body, Map.of("X-Qube-API-Key", apiKey));
	}

	/**
	 * Calls balance-service's REST API.
	 * @param method the method
	 * @param path the path, such as {@code /api/premises/X/balance}
	 * @param body the body, or {@code null}
	 * @return the answer
	 */
	public JsonNode balance(String method, String path, Object body) {
		return sendToService("balance-service", method, this.balanceUrl + path, body, OPERATOR);
	}

	/**
	 * Calls a service once, or (for a remote handle, whose services restart) until it
	 * answers, for at most {@code reachRetry}.
	 */
	private JsonNode sendToService(String service, String method, String url, Object body,
			Map<String, String> headers) {
		if (this.reachRetry.isZero()) {
			return this.http.send(method, url, body, headers);
		}
		return Awaitility.await(service + " reachable for " + method + " " + url)
			.atMost(this.reachRetry)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptionsMatching(SystemUnderTest::unreachable)
			.until(() -> this.http.send(method, url, body, headers), Objects::nonNull);
	}

	/** A failure of a process that is restarting: refused, reset, or not ready yet. */
	private static boolean unreachable(Throwable ex) {
		return ex instanceof IllegalStateException
				&& (ex.getCause() instanceof IOException || String.valueOf(ex.getMessage()).contains(" answered 503"));
	}

	/**
	 * @return the broker helpers
	 */
	public KafkaSupport kafka() {
		return this.kafka;
	}

	/**
	 * @return every snapshot the poller published, as a downstream consumer sees them
	 */
	public SnapshotTap snapshots() {
		return this.snapshots;
	}

}
