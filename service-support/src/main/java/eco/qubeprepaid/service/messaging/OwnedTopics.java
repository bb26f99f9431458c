package eco.qubeprepaid.service.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares a service's topics with the platform's one partition count: the topics it
 * writes (it owns them) and the dead-letter topics of those it consumes (it writes those
 * too). A service never declares a topic another service owns; docs/events.md lists each
 * topic's owner.
 */
public class OwnedTopics {

	private final int partitions;

	public OwnedTopics(int partitions) {
		if (partitions < 1) {
			throw new IllegalArgumentException("a topic needs at least one partition, not " + partitions);
		}
		this.partitions = partitions;
	}

	/**
	 * @param owned the topics the service publishes to
	 * @param consumed the topics whose dead letters the service writes
	 * @return the declarations, for Spring Kafka's admin to create where missing
	 */
	public KafkaAdmin.NewTopics declare(List<String> owned, List<String> consumed) {
		List<NewTopic> topics = new ArrayList<>();
		owned.forEach((name) -> topics.add(topic(name)));
		consumed.forEach((name) -> topics.add(topic(name + ConsumerErrorHandling.DLT_SUFFIX)));
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	/**
	 * @return the partitions of every topic
	 */
	public int partitions() {
		return this.partitions;
	}

	private NewTopic topic(String name) {
		return TopicBuilder.name(name).partitions(this.partitions).build();
	}

}
