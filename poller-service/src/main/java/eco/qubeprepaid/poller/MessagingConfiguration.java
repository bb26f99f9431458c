package eco.qubeprepaid.poller;

import java.time.Duration;
import java.util.Set;

import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.service.messaging.ConsumerErrorHandling;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The event codec, the consumers' error handler and the topics the poller publishes to or
 * reads from (created if missing; in production the deployment creates them with the same
 * settings). The error handler is the project's (see {@link ConsumerErrorHandling}): a
 * malformed command goes to {@code qube.device-commands.v1.dlt} at once, anything else is
 * retried in place without a limit, so a command is never dropped.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	@Bean
	DefaultErrorHandler pollerErrorHandler(KafkaTemplate<String, byte[]> template, MeterRegistry meters) {
		Counter malformed = Counter.builder("poller.commands.malformed")
			.description("Command records that could not be decoded and went to the dead-letter topic")
			.register(meters);
		return ConsumerErrorHandling.errorHandler(template, new ConsumerErrorHandling.Settings(Duration.ofMillis(500),
				Duration.ofSeconds(30), 0, Set.of(Topics.DEVICE_COMMANDS)), (topic, reason) -> {
					if (topic.equals(Topics.DEVICE_COMMANDS)) {
						malformed.increment();
					}
				});
	}

	@Bean
	NewTopic deviceCommandsDeadLetterTopic() {
		return TopicBuilder.name(Topics.DEVICE_COMMANDS + ConsumerErrorHandling.DLT_SUFFIX)
			.partitions(PARTITIONS)
			.build();
	}

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
