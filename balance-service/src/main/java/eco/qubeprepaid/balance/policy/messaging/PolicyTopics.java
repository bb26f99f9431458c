package eco.qubeprepaid.balance.policy.messaging;

import java.util.List;

import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.service.messaging.OwnedTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The policy's topics: the device commands it publishes, and the dead-letter topic of the
 * command outcomes it consumes (the outcomes' topic is the poller's).
 */
@Configuration(proxyBeanMethods = false)
public class PolicyTopics {

	@Bean
	KafkaAdmin.NewTopics policyOwnedTopics(OwnedTopics topics) {
		return topics.declare(List.of(Topics.DEVICE_COMMANDS), List.of(Topics.DEVICE_COMMAND_RESULTS));
	}

}
