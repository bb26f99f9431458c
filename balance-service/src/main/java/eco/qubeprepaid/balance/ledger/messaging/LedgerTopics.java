package eco.qubeprepaid.balance.ledger.messaging;

import java.util.List;

import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.service.messaging.OwnedTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The ledger's topics: the balance events it publishes, and the dead-letter topics of the
 * snapshots and top-ups it consumes (the platform's error handler writes those). The
 * snapshots' and payments' own topics are declared by their owners, the poller and
 * payment-service. Retries and dead letters are the platform's
 * ({@code ConsumerErrorHandling}, {@code qp.platform.consumer.*}): a malformed record is
 * dead-lettered at once, a transient failure retried without a limit, a top-up never
 * dead-lettered unless malformed.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerTopics {

	@Bean
	KafkaAdmin.NewTopics ledgerOwnedTopics(OwnedTopics topics) {
		return topics.declare(List.of(Topics.BALANCE_EVENTS), List.of(Topics.DEVICE_SNAPSHOTS, Topics.PAYMENTS));
	}

}
