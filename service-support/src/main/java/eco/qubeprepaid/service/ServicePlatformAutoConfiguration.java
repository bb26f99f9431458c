package eco.qubeprepaid.service;

import java.time.Clock;
import java.time.Duration;

import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.service.messaging.ConsumerErrorHandling;
import eco.qubeprepaid.service.messaging.InboundRecords;
import eco.qubeprepaid.service.messaging.OwnedTopics;
import eco.qubeprepaid.service.outbox.Outbox;
import eco.qubeprepaid.service.outbox.OutboxRelay;
import eco.qubeprepaid.service.time.Ist;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The platform every Qube Prepaid service runs on, beyond Boot's own auto-configuration
 * (docs/architecture.md, ADR 0010): the clock (in {@link Ist#ZONE}), the event codec and
 * the strict decoder of consumed records, the one consumer error handler with its
 * dead-letter counter, the declaration of a service's own topics with the one partition
 * count, the transactional outbox and its relay (where
 * {@code qp.platform.outbox.enabled}), and a broker health check named {@code kafka} for
 * the readiness group. A service adds its own beans and never a copy of these.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class ServicePlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(Ist.ZONE);
	}

	/**
	 * A producer closes within {@value #PRODUCER_CLOSE_SECONDS} s instead of
	 * spring-kafka's 30: at shutdown with the broker gone (an outage, or a test JVM whose
	 * broker stops beside the service) nothing is lost by giving up sooner, since every
	 * event still unsent is in the outbox, unpublished, and goes out at the next start.
	 * @return the customizer
	 */
	@Bean
	DefaultKafkaProducerFactoryCustomizer producerCloseTimeout() {
		return (factory) -> factory.setPhysicalCloseTimeout(PRODUCER_CLOSE_SECONDS);
	}

	/** How long a closing producer waits for unsent records. */
	static final int PRODUCER_CLOSE_SECONDS = 5;

	@Bean
	@ConditionalOnMissingBean
	EventCodec eventCodec() {
		return new EventCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	InboundRecords inboundRecords(EventCodec codec) {
		return new InboundRecords(codec);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler consumerErrorHandler(KafkaTemplate<String, byte[]> template, PlatformProperties properties,
			MeterRegistry meters) {
		PlatformProperties.Consumer consumer = properties.consumer();
		return ConsumerErrorHandling.errorHandler(template, new ConsumerErrorHandling.Settings(consumer.retryInterval(),
				consumer.maxRetryInterval(), consumer.retries(), consumer.preciousTopics()), meters);
	}

	/**
	 * Once the listeners exist, the dead-letter counters of every topic they consume are
	 * created at zero ({@link ConsumerErrorHandling#registerTopic}).
	 * @param listeners the service's listener containers, if it has any
	 * @param meters the registry
	 * @return the listener
	 */
	@Bean
	ApplicationListener<ApplicationStartedEvent> deadLetterCountersAtZero(
			ObjectProvider<KafkaListenerEndpointRegistry> listeners, MeterRegistry meters) {
		return (event) -> listeners.ifAvailable((registry) -> registry.getListenerContainers()
			.stream()
			.map((container) -> container.getContainerProperties().getTopics())
			.filter(java.util.Objects::nonNull)
			.flatMap(java.util.Arrays::stream)
			.distinct()
			.forEach((topic) -> ConsumerErrorHandling.registerTopic(meters, topic)));
	}

	@Bean
	OwnedTopics ownedTopics(PlatformProperties properties) {
		return new OwnedTopics(properties.topics().partitions());
	}

	@Bean(name = "kafkaHealthIndicator")
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaProperties kafkaProperties) {
		return new KafkaBrokerHealthIndicator(kafkaProperties.buildAdminProperties(), Duration.ofSeconds(3));
	}

	/**
	 * The outbox (table {@code outbox} in the service's database) and the relay that
	 * publishes it in order, with the gauge {@value #OUTBOX_GAUGE}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "qp.platform.outbox", name = "enabled", havingValue = "true")
	static class OutboxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Outbox outbox(JdbcTemplate jdbc, EventCodec codec, Clock clock) {
			return new Outbox(jdbc, codec, clock);
		}

		@Bean
		@ConditionalOnMissingBean
		OutboxRelay outboxRelay(Outbox outbox, KafkaTemplate<String, byte[]> kafka,
				PlatformTransactionManager transactionManager, PlatformProperties properties, Clock clock,
				MeterRegistry registry, @Value("${spring.application.name}") String service) {
			PlatformProperties.Outbox settings = properties.outbox();
			return new OutboxRelay(
					outbox, kafka, transactionManager, new OutboxRelay.Settings("outbox-relay", relayLockKey(service),
							settings.pollInterval(), settings.batchSize(), settings.sendTimeout(), OUTBOX_GAUGE),
					clock, registry);
		}

	}

	/** The gauge of rows not yet published, the same name in every service. */
	public static final String OUTBOX_GAUGE = "outbox.pending";

	/**
	 * The advisory lock key that makes one relay at a time publish a service's outbox, so
	 * that rows leave in order even with several instances: derived from the service's
	 * name, so two services sharing a database server never share a key.
	 * @param service the service's name
	 * @return the key
	 */
	static long relayLockKey(String service) {
		return 0x0C0C_0000_0000_0000L | (service.hashCode() & 0xFFFF_FFFFL);
	}

}
