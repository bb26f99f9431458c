package eco.qubeprepaid.balance.ledger.messaging;

import java.util.Set;

import eco.qubeprepaid.balance.BalanceProperties;
import eco.qubeprepaid.balance.ledger.application.LedgerMetrics;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.service.messaging.ConsumerErrorHandling;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The consumers' error handling and the topics this service needs. A malformed record is
 * dead-lettered at once; a transient failure (a database or broker outage, a deadlock) is
 * retried in place without a limit, blocking the partition so that a premise's events
 * stay in order; any other failure of a snapshot is retried
 * {@code qube.balance.consumer.retries} times and then dead-lettered, while a top-up or a
 * command outcome is never dead-lettered unless it is malformed (see
 * {@link ConsumerErrorHandling}). The dead-letter topic is {@code <topic>.dlt} and the
 * reason travels in the {@value #REASON_HEADER} header.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

	/** The header with the reason a record was dead-lettered. */
	public static final String REASON_HEADER = eco.qubeprepaid.events.Headers.DLT_REASON;

	/** The suffix of dead-letter topics. */
	public static final String DLT_SUFFIX = ConsumerErrorHandling.DLT_SUFFIX;

	@Bean
	DefaultErrorHandler ledgerErrorHandler(KafkaTemplate<String, byte[]> template, LedgerMetrics metrics,
			BalanceProperties properties) {
		BalanceProperties.Consumer consumer = properties.consumer();
		return ConsumerErrorHandling.errorHandler(template,
				new ConsumerErrorHandling.Settings(consumer.retryInterval(), consumer.maxRetryInterval(),
						consumer.retries(), Set.of(Topics.PAYMENTS, Topics.DEVICE_COMMAND_RESULTS)),
				metrics::deadLettered);
	}

	@Bean
	KafkaAdmin.NewTopics ledgerTopics(BalanceProperties properties) {
		int partitions = properties.consumer().topicPartitions();
		return new KafkaAdmin.NewTopics(topic(Topics.DEVICE_SNAPSHOTS, partitions),
				topic(Topics.DEVICE_SNAPSHOTS + DLT_SUFFIX, partitions), topic(Topics.PAYMENTS, partitions),
				topic(Topics.PAYMENTS + DLT_SUFFIX, partitions), topic(Topics.BALANCE_EVENTS, partitions));
	}

	private static NewTopic topic(String name, int partitions) {
		return TopicBuilder.name(name).partitions(partitions).build();
	}

}
