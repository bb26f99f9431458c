package eco.qubeprepaid.payment;

import java.util.Map;

import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.testsupport.ServiceSmokeChecks;
import eco.qubeprepaid.testsupport.TestServers;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentServiceIT {

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaAdmin admin;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestServers.register(registry, "payment");
	}

	@Test
	void startsHealthyOnItsOwnDatabaseAndTheBroker() {
		ServiceSmokeChecks.assertReadyWithDatabaseAndBroker(this.port);
	}

	@Test
	void declaresTheTopicItOwnsWithThePlatformsPartitionCount() {
		Map<String, TopicDescription> topics = this.admin.describeTopics(Topics.PAYMENTS);

		assertThat(topics.get(Topics.PAYMENTS).partitions()).hasSize(3);
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheServiceName() {
		ServiceSmokeChecks.assertPrometheusScrape(this.port, "payment-service");
	}

}
