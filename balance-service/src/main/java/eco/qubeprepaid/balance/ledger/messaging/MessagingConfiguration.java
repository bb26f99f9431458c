package eco.qubeprepaid.balance.ledger.messaging;

import java.nio.charset.StandardCharsets;

import eco.qubeprepaid.balance.BalanceProperties;
import eco.qubeprepaid.balance.ledger.application.LedgerMetrics;
import eco.qubeprepaid.events.MalformedEventException;
import eco.qubeprepaid.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumers' error handling and the topics this service needs. A malformed record is
 * dead-lettered at once; any other failure (a database outage, a deadlock) is retried in
 * place, blocking the partition so that a premise's events stay in order, and
 * dead-lettered when the retries are used up. The dead-letter topic is
 * {@code <topic>.dlt} and the reason travels in the {@value #REASON_HEADER} header.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

	/** The header with the reason a record was dead-lettered. */
	public static final String REASON_HEADER = eco.qubeprepaid.events.Headers.DLT_REASON;

	/** The suffix of dead-letter topics. */
	public static final String DLT_SUFFIX = ".dlt";

	@Bean
	DefaultErrorHandler ledgerErrorHandler(KafkaTemplate<String, byte[]> template, LedgerMetrics metrics,
			BalanceProperties properties) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
		recoverer.setHeadersFunction((record, ex) -> new RecordHeaders(
				new RecordHeader[] { new RecordHeader(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8)) }));
		ExponentialBackOff backOff = new ExponentialBackOff(properties.consumer().retryInterval().toMillis(), 2.0);
		backOff.setMaxAttempts(properties.consumer().retries());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			recoverer.accept(record, ex);
			metrics.deadLettered(record.topic(), isMalformed(ex) ? "malformed" : "exhausted");
		}, backOff);
		handler.addNotRetryableExceptions(MalformedEventException.class, IllegalArgumentException.class);
		return handler;
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

	private static boolean isMalformed(Throwable ex) {
		return rootOf(ex) instanceof MalformedEventException || rootOf(ex) instanceof IllegalArgumentException;
	}

	private static String reason(Throwable ex) {
		Throwable cause = rootOf(ex);
		String message = (cause.getMessage() != null) ? cause.getMessage() : "(no message)";
		return (cause instanceof MalformedEventException) ? message : cause.getClass().getSimpleName() + ": " + message;
	}

	private static Throwable rootOf(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof MalformedEventException)) {
			cause = cause.getCause();
		}
		return cause;
	}

}
