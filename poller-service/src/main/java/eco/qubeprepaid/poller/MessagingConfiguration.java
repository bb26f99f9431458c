package eco.qubeprepaid.poller;

import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The event codec and the topics the poller publishes to or reads from (created if
 * missing; in production the deployment creates them with the same settings).
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	private static final int PARTITIONS = 3;

	@Bean
	EventCodec eventCodec() {
		return new EventCodec();
	}

	@Bean
	NewTopic deviceSnapshotsTopic() {
		return TopicBuilder.name(Topics.DEVICE_SNAPSHOTS).partitions(PARTITIONS).build();
	}

	@Bean
	NewTopic deviceCommandsTopic() {
		return TopicBuilder.name(Topics.DEVICE_COMMANDS).partitions(PARTITIONS).build();
	}

	@Bean
	NewTopic deviceCommandResultsTopic() {
		return TopicBuilder.name(Topics.DEVICE_COMMAND_RESULTS).partitions(PARTITIONS).build();
	}

	@Bean
	NewTopic deviceRegistryTopic() {
		return TopicBuilder.name(Topics.DEVICE_REGISTRY).partitions(PARTITIONS).build();
	}

	@Bean
	NewTopic balanceEventsTopic() {
		return TopicBuilder.name(Topics.BALANCE_EVENTS).partitions(PARTITIONS).build();
	}

}
