package eco.qubeprepaid.balance.ledger.messaging;

import java.time.Clock;

import eco.qubeprepaid.balance.BalanceProperties;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.service.outbox.Outbox;
import eco.qubeprepaid.service.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs the shared outbox relay on balance-service's outbox with its
 * {@code qube.balance.outbox.*} settings, its own advisory lock key and its gauge
 * {@code outbox.pending} (docs/metrics.md).
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

	/**
	 * The advisory lock key that makes one relay at a time publish balance-service's
	 * outbox, so that rows leave in order even with several instances.
	 */
	private static final long RELAY_LOCK_KEY = 0x0B0C_0001L;

	@Bean
	Outbox outbox(JdbcTemplate jdbc, EventCodec codec, Clock clock) {
		return new Outbox(jdbc, codec, clock);
	}

	@Bean
	OutboxRelay outboxRelay(Outbox outbox, KafkaTemplate<String, byte[]> kafka,
			PlatformTransactionManager transactionManager, BalanceProperties properties, Clock clock,
			MeterRegistry registry) {
		BalanceProperties.Outbox settings = properties.outbox();
		return new OutboxRelay(
				outbox, kafka, transactionManager, new OutboxRelay.Settings("outbox-relay", RELAY_LOCK_KEY,
						settings.pollInterval(), settings.batchSize(), settings.sendTimeout(), "outbox.pending"),
				clock, registry);
	}

}
