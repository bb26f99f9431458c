package eco.qubeprepaid.payment.topup.messaging;

import java.util.List;

import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.service.messaging.OwnedTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics payment-service owns: the captured top-ups it publishes (balance-service
 * consumes them and declares their dead-letter topic), the tenants' moves
 * (notifier-service consumes them and declares their dead-letter topic), and the
 * dead-letter topic of the ledger's events it follows. Declared with the platform's
 * partition count.
 */
@Configuration(proxyBeanMethods = false)
public class TopUpTopics {

	@Bean
	KafkaAdmin.NewTopics topUpOwnedTopics(OwnedTopics topics) {
		return topics.declare(List.of(Topics.PAYMENTS, Topics.TENANTS), List.of(Topics.BALANCE_EVENTS));
	}

}
