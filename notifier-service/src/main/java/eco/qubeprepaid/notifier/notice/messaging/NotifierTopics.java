package eco.qubeprepaid.notifier.notice.messaging;

import java.util.List;

import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.service.messaging.OwnedTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * notifier-service publishes no topic; it declares the dead-letter topics of the topics
 * it consumes (the platform's error handler writes them), with the platform's partition
 * count.
 */
@Configuration(proxyBeanMethods = false)
public class NotifierTopics {

	@Bean
	KafkaAdmin.NewTopics notifierOwnedTopics(OwnedTopics topics) {
		return topics.declare(List.of(),
				List.of(Topics.BALANCE_EVENTS, Topics.DEVICE_COMMAND_RESULTS, Topics.TENANTS, Topics.DEVICE_REGISTRY));
	}

}
