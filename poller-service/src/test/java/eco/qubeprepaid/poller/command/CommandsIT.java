package eco.qubeprepaid.poller.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandCompleted;
import eco.qubeprepaid.events.DeviceCommandFailed;
import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.poller.runtime.PollerRuntime;
import eco.qubeprepaid.poller.support.PollerIntegrationTest;
import eco.qubeprepaid.poller.support.Premises;
import eco.qubeprepaid.testsupport.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommandsIT extends PollerIntegrationTest {

	private static final List<String> USED = new CopyOnWriteArrayList<>();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PollerRuntime runtime;

	@Test
	void relayOffOpensTheRelayAndIsAppliedOnceWhenDeliveredTwice() {
		Map<String, Object> premise = pick();
		String deviceId = (String) premise.get("device_id");
		long relayWritesBefore = SANDBOX.requests("P2", null);

		DeviceCommandRequested request = requestCommand((String) premise.get("premise_id"), DeviceCommand.RELAY_OFF,
				null, Duration.ofMinutes(5));
		send(request);
		DeviceCommandRequested sameCommandNewEvent = new DeviceCommandRequested(java.util.UUID.randomUUID(),
				request.occurredAt(), request.premiseId(), request.commandId(), request.command(), null, "test",
				"poller-tests", request.expiresAt(), null, null);
		send(sameCommandNewEvent);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(request.commandId())))
				.singleElement()
				.satisfies((k) -> {
					assertThat(k.key()).isEqualTo(request.premiseId());
					assertThat(k.event().relayOn()).isFalse();
					assertThat(k.event().deviceId()).isEqualTo(deviceId);
				});
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE event_id IN (?, ?)",
					Integer.class, request.eventId(), sameCommandNewEvent.eventId()))
				.isEqualTo(2);
		});
		assertThat(SANDBOX.device(deviceId).get("relay_state").asBoolean()).isFalse();
		assertThat(SANDBOX.requests("P2", null) - relayWritesBefore).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM device_commands WHERE command_id = ?", Integer.class,
				request.commandId()))
			.isEqualTo(1);
	}

	@Test
	void malformedCommandGoesToTheDeadLetterTopicWithItsReasonAndTheNextCommandIsApplied() throws Exception {
		Map<String, Object> premise = pick();
		String premiseId = (String) premise.get("premise_id");
		ProducerRecord<String, byte[]> malformed = new ProducerRecord<>(Topics.DEVICE_COMMANDS, premiseId,
				"{not json".getBytes(StandardCharsets.UTF_8));
		malformed.headers().add(Headers.EVENT_TYPE, "device-command-requested".getBytes(StandardCharsets.UTF_8));
		malformed.headers().add(Headers.EVENT_VERSION, "1".getBytes(StandardCharsets.UTF_8));
		this.kafka.send(malformed).get(30, TimeUnit.SECONDS);
		DeviceCommandRequested next = requestCommand(premiseId, DeviceCommand.RELAY_OFF, null, Duration.ofMinutes(5));
		send(next);

		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.get().kafkaBootstrapServers());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "commands-dlt-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.DEVICE_COMMANDS + ".dlt"));
			List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
				assertThat(dead).anySatisfy((r) -> {
					assertThat(r.key()).isEqualTo(premiseId);
					assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
					assertThat(new String(r.headers().lastHeader(Headers.DLT_REASON).value(), StandardCharsets.UTF_8))
						.contains("invalid 'device-command-requested' payload");
				});
			});
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(next.commandId())))
				.hasSize(1));
	}

	@Test
	void commandForAnOfflineMeterIsRetriedAndCompletedWhenItIsBack() {
		Map<String, Object> premise = pick();
		String deviceId = (String) premise.get("device_id");
		SANDBOX.admin("POST", "/devices/" + deviceId + "/online", "{\"online\":false}");
		DeviceCommandRequested request = requestCommand((String) premise.get("premise_id"), DeviceCommand.RELAY_OFF,
				null, Duration.ofMinutes(5));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.jdbc.queryForMap(
					"SELECT status, last_error FROM device_commands WHERE command_id = ?", request.commandId()))
				.containsEntry("status", "PENDING")
				.containsEntry("last_error", "device_offline"));
		assertThat(SANDBOX.device(deviceId).get("relay_state").asBoolean()).isTrue();

		SANDBOX.admin("POST", "/devices/" + deviceId + "/online", "{\"online\":true}");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(request.commandId())))
				.hasSize(1));
		assertThat(SANDBOX.device(deviceId).get("relay_state").asBoolean()).isFalse();
	}

	@Test
	void commandThatExpiresWhileTheMeterIsOfflineIsReportedFailed() {
		Map<String, Object> premise = pick();
		String deviceId = (String) premise.get("device_id");
		SANDBOX.admin("POST", "/devices/" + deviceId + "/online", "{\"online\":false}");
		try {
			DeviceCommandRequested request = requestCommand((String) premise.get("premise_id"), DeviceCommand.RELAY_OFF,
					null, Duration.ofSeconds(4));
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(
						this.tap.of(DeviceCommandFailed.class, (e) -> e.commandId().equals(request.commandId())))
					.singleElement()
					.satisfies((k) -> assertThat(k.event().errorCode()).isEqualTo("expired")));
			assertThat(this.jdbc.queryForObject("SELECT status FROM device_commands WHERE command_id = ?", String.class,
					request.commandId()))
				.isEqualTo("FAILED");
			assertThat(SANDBOX.device(deviceId).get("relay_state").asBoolean()).isTrue();
		}
		finally {
			SANDBOX.admin("POST", "/devices/" + deviceId + "/online", "{\"online\":true}");
		}
	}

	@Test
	void pendingCommandSurvivesARestartAndIsExecutedAfterIt() {
		Map<String, Object> premise = pick();
		String deviceId = (String) premise.get("device_id");
		this.runtime.stop();
		DeviceCommandRequested request;
		try {
			request = requestCommand((String) premise.get("premise_id"), DeviceCommand.SET_BALANCE, 123_456L,
					Duration.ofMinutes(5));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.jdbc.queryForList(
						"SELECT status FROM device_commands WHERE command_id = ?", String.class, request.commandId()))
					.containsExactly("PENDING"));
			assertThat(this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(request.commandId())))
				.isEmpty();
		}
		finally {
			this.runtime.start();
		}
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(
					this.tap.of(DeviceCommandCompleted.class, (e) -> e.commandId().equals(request.commandId())))
				.singleElement()
				.satisfies((k) -> assertThat(k.event().balancePaise()).isBetween(123_456L - 1_334L, 123_456L)));
		assertThat(SANDBOX.device(deviceId).get("balance").asLong()).isBetween(100_000L, 123_456L);
	}

	private Map<String, Object> pick() {
		Map<String, Object> premise = await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> Premises.pick(this.jdbc, "demo-1", Premises::onlinePrepaidWithSupply, USED),
					(row) -> row != null);
		USED.add((String) premise.get("premise_id"));
		return premise;
	}

}
