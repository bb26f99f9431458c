package eco.qubeprepaid.poller.support;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.testsupport.TestServers;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ONE Spring test configuration of poller-service, so that every integration test
 * shares one cached context: the real broker and PostgreSQL of {@link TestServers}, the
 * real sandbox in this JVM, and the poller's clock following the sandbox's simulated
 * clock. Five keys: two demo keys (20 meters each, 100 requests per 60 s on both sides),
 * two soak keys (empty until {@code PollerSoakIT} fills them, 100 per 6 s on both sides)
 * and the ledger-feed test's own key (15 POSTPAID meters, 30 per 20 s for the poller).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "qube.verify-interval=200ms", "qube.keys[0].name=demo-1", "qube.keys[0].api-key=demo-key-1",
				"qube.keys[0].requests-per-window=100", "qube.keys[0].window=60s", "qube.keys[1].name=demo-2",
				"qube.keys[1].api-key=demo-key-2", "qube.keys[1].requests-per-window=100", "qube.keys[1].window=60s",
				"qube.keys[2].name=soak-1", "qube.keys[2].api-key=soak-key-1", "qube.keys[2].requests-per-window=100",
				"qube.keys[2].window=6s", "qube.keys[3].name=soak-2", "qube.keys[3].api-key=soak-key-2",
				"qube.keys[3].requests-per-window=100", "qube.keys[3].window=6s", "qube.keys[4].name=ledger-1",
				"qube.keys[4].api-key=ledger-key-1", "qube.keys[4].requests-per-window=30", "qube.keys[4].window=20s",
				"qp.poller.freshness-floor=40s", "qp.poller.min-poll-interval=5s", "qp.poller.discovery-interval=3s",
				"qp.poller.command-retry-interval=1s", "qp.poller.idle-delay=50ms", "qp.poller.offline-notice-after=2s",
				"qp.platform.outbox.poll-interval=50ms",
				// A database outage shows as a failed connection after a second, not
				// thirty.
				"spring.datasource.hikari.connection-timeout=1000" })
@Import(PollerIntegrationTest.Wiring.class)
public abstract class PollerIntegrationTest {

	/** The sandbox of this JVM. */
	protected static final SandboxServer SANDBOX = SandboxServer.get();

	@Autowired
	protected EventTap tap;

	@Autowired
	protected KafkaTemplate<String, byte[]> kafka;

	@Autowired
	protected Clock clock;

	private final EventCodec codec = new EventCodec();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestServers.register(registry, "poller");
		registry.add("qube.base-url", SANDBOX::baseUrl);
	}

	/**
	 * Publishes a command request as another service would.
	 * @param premiseId the premise
	 * @param command what to do
	 * @param balancePaise the balance for SET_BALANCE
	 * @param ttl how long it may wait
	 * @return the request
	 */
	protected DeviceCommandRequested requestCommand(String premiseId, DeviceCommand command, Long balancePaise,
			Duration ttl) {
		return requestCommand(premiseId, command, balancePaise, ttl, null, null);
	}

	/**
	 * Publishes a command request with the requester's sequence and, for a balance set,
	 * the most the meter may show.
	 * @param premiseId the premise
	 * @param command what to do
	 * @param balancePaise the balance for SET_BALANCE
	 * @param ttl how long it may wait
	 * @param sequence the requester's order, or {@code null}
	 * @param expectedMeterBalancePaise the most the meter may show, or {@code null}
	 * @return the request
	 */
	protected DeviceCommandRequested requestCommand(String premiseId, DeviceCommand command, Long balancePaise,
			Duration ttl, Long sequence, Long expectedMeterBalancePaise) {
		Instant now = this.clock.instant();
		DeviceCommandRequested request = new DeviceCommandRequested(UUID.randomUUID(), now, premiseId,
				UUID.randomUUID(), command, balancePaise, "test", "poller-tests", now.plus(ttl), sequence,
				expectedMeterBalancePaise);
		send(request);
		return request;
	}

	/**
	 * Publishes an event on its topic as its producer would (keyed by the premise, with
	 * the id, type and version headers); again, for redelivery tests.
	 * @param event the event
	 */
	protected void send(DomainEvent event) {
		EventCodec.Encoded encoded = this.codec.encode(event);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(encoded.type().topic(), event.premiseId(),
				encoded.payload());
		record.headers().add(Headers.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add(Headers.EVENT_TYPE, encoded.type().token().getBytes(StandardCharsets.UTF_8));
		record.headers()
			.add(Headers.EVENT_VERSION, Integer.toString(encoded.type().version()).getBytes(StandardCharsets.UTF_8));
		this.kafka.send(record).join();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Wiring {

		@Bean
		@Primary
		Clock sandboxClock() {
			return SANDBOX.clock();
		}

		@Bean
		EventTap eventTap() {
			return new EventTap();
		}

	}

}
