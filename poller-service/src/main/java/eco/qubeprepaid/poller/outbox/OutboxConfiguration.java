package eco.qubeprepaid.poller.outbox;

import java.time.Clock;

import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.poller.messaging.KafkaEvents;
import eco.qubeprepaid.poller.qube.PollerProperties;
import eco.qubeprepaid.service.outbox.Outbox;
import eco.qubeprepaid.service.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The poller's transactional outbox (table {@code outbox}, Flyway V2 and V3) and its
 * relay, both the shared ones of service-support: command outcomes and registry events
 * are appended in the transaction of their state change and published in order. The relay
 * uses the poller's {@code poller.outbox-batch} and {@code poller.idle-delay}, its own
 * advisory lock key and its gauge {@code poller.outbox.backlog} (docs/metrics.md).
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

	/**
	 * The advisory lock key that makes one relay at a time publish the poller's outbox.
	 * One poller runs per set of keys (ADR 0001); the lock keeps the order if a second
	 * instance is started by mistake or during a rollout.
	 */
	private static final long RELAY_LOCK_KEY = 0x0A0C_0001L;

	@Bean
	Outbox outbox(JdbcTemplate jdbc, EventCodec codec, Clock clock) {
		return new Outbox(jdbc, codec, clock);
	}

	@Bean
	OutboxRelay outboxRelay(Outbox outbox, KafkaTemplate<String, byte[]> kafka,
			PlatformTransactionManager transactionManager, PollerProperties properties, Clock clock,
			MeterRegistry registry) {
		return new OutboxRelay(outbox, kafka, transactionManager,
				new OutboxRelay.Settings("poller-outbox-relay", RELAY_LOCK_KEY, properties.idleDelay(),
						properties.outboxBatch(), KafkaEvents.SEND_TIMEOUT, "poller.outbox.backlog"),
				clock, registry);
	}

}
