package eco.qubeprepaid.balance.policy.messaging;

import eco.qubeprepaid.balance.BalanceProperties;
import eco.qubeprepaid.balance.ledger.messaging.MessagingConfiguration;
import eco.qubeprepaid.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the policy produces to and consumes from. */
@Configuration(proxyBeanMethods = false)
public class PolicyTopics {

	@Bean
	KafkaAdmin.NewTopics commandTopics(BalanceProperties properties) {
		int partitions = properties.consumer().topicPartitions();
		return new KafkaAdmin.NewTopics(topic(Topics.DEVICE_COMMANDS, partitions),
				topic(Topics.DEVICE_COMMAND_RESULTS, partitions),
				topic(Topics.DEVICE_COMMAND_RESULTS + MessagingConfiguration.DLT_SUFFIX, partitions));
	}

	private static NewTopic topic(String name, int partitions) {
		return TopicBuilder.name(name).partitions(partitions).build();
	}

}
