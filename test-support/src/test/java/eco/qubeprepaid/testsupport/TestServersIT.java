package eco.qubeprepaid.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestServersIT {

	private final TestServers servers = TestServers.get();

	@Test
	void brokerListensOnLoopbackAndCarriesRecords() throws Exception {
		assertThat(this.servers.kafkaBootstrapServers()).startsWith("127.0.0.1:");
		String topic = "test-support-" + UUID.randomUUID();
		Properties producerProps = new Properties();
		producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.servers.kafkaBootstrapServers());
		producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
			producer.send(new ProducerRecord<>(topic, "premise-1", "hello")).get();
		}
		Properties consumerProps = new Properties();
		consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.servers.kafkaBootstrapServers());
		consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "test-support-" + UUID.randomUUID());
		consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
			consumer.subscribe(List.of(topic));
			ConsumerRecord<String, String> received = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received == null && System.nanoTime() < deadline) {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
				if (!records.isEmpty()) {
					received = records.iterator().next();
				}
			}
			assertThat(received).as("record read back from the broker").isNotNull();
			assertThat(received.key()).isEqualTo("premise-1");
			assertThat(received.value()).isEqualTo("hello");
		}
	}

	@Test
	void eachCallerGetsAFreshEmptyDatabase() throws Exception {
		PostgresServer.Database first = this.servers.postgres().createDatabase("module-a");
		PostgresServer.Database second = this.servers.postgres().createDatabase("module-a");
		assertThat(first.name()).isNotEqualTo(second.name()).startsWith("module_a_");
		assertThat(first.jdbcUrl()).contains("127.0.0.1").contains("/" + first.name());
		try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE marker (id int primary key)");
		}
		try (Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.username(),
				second.password());
				Statement statement = connection.createStatement();
				ResultSet tables = statement
					.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'")) {
			tables.next();
			assertThat(tables.getInt(1)).as("tables of one database are invisible in another").isZero();
		}
	}

	@Test
	void postgresIsARealServer() {
		assertThat(this.servers.postgres().serverVersion()).matches("\\d+(\\.\\d+)?.*");
		assertThat(this.servers.kafkaClusterId()).isNotBlank();
	}

}
