package eco.qubeprepaid.poller;

import java.util.List;

import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.service.messaging.OwnedTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics the poller owns (created if missing, with the platform's partition count; in
 * production the deployment creates them with the same settings): the snapshots, the
 * command outcomes and the registry findings it publishes, and the dead-letter topic of
 * the commands it consumes. Everything else of its messaging is the platform's
 * (service-support): the decoder, the error handler, the outbox and its relay.
 */
@Configuration(proxyBeanMethods = false)
class PollerTopics {

	@Bean
	KafkaAdmin.NewTopics pollerOwnedTopics(OwnedTopics topics) {
		return topics.declare(List.of(Topics.DEVICE_SNAPSHOTS, Topics.DEVICE_COMMAND_RESULTS, Topics.DEVICE_REGISTRY),
				List.of(Topics.DEVICE_COMMANDS));
	}

}
