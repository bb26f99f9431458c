package eco.qubeprepaid.poller.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.events.DeviceIdentityMissing;
import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.poller.support.PollerIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import eco.qubeprepaid.testsupport.OperatorAuth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RegistryIT extends PollerIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Value("${local.server.port}")
	int port;

	@Test
	void discoveryRegistersEveryIdentifiedDemoMeterInEpochOne() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM premises WHERE api_key_name IN ('demo-1', 'demo-2')", Integer.class))
				.isEqualTo(41);
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM meter_epochs WHERE reason = 'DISCOVERED' AND epoch = 1", Integer.class))
				.isGreaterThanOrEqualTo(41);
		});
	}

	@Test
	void replacementStartsANewEpochAndSnapshotsKeepTheIdentityWithTheNewDevice() {
		Map<String, Object> chosen = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForList(
					"SELECT premise_id, device_id FROM premises WHERE api_key_name = 'demo-1' ORDER BY premise_id LIMIT 1"),
					(rows) -> !rows.isEmpty())
			.get(0);
		String premiseId = (String) chosen.get("premise_id");
		String oldDevice = (String) chosen.get("device_id");
		int epochBefore = this.jdbc.queryForObject("SELECT epoch FROM premises WHERE premise_id = ?", Integer.class,
				premiseId);
		String newDevice = SANDBOX.json(SANDBOX.admin("POST", "/devices/" + oldDevice + "/replace", null))
			.get("new_device_id")
			.asString();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Map<String, Object> row = this.jdbc
				.queryForMap("SELECT device_id, epoch FROM premises WHERE premise_id = ?", premiseId);
			assertThat(row).containsEntry("device_id", newDevice).containsEntry("epoch", epochBefore + 1);
			assertThat(this.jdbc.queryForObject(
					"SELECT device_id FROM meter_epochs WHERE premise_id = ? AND epoch = ? AND reason = 'REPLACEMENT'",
					String.class, premiseId, epochBefore + 1))
				.isEqualTo(newDevice);
			List<DeviceSnapshotted> after = this.tap
				.of(DeviceSnapshotted.class, (s) -> s.premiseId().equals(premiseId) && s.deviceId().equals(newDevice))
				.stream()
				.map((k) -> {
					assertThat(k.key()).isEqualTo(premiseId);
					return k.event();
				})
				.toList();
			assertThat(after).isNotEmpty().allSatisfy((s) -> assertThat(s.epoch()).isEqualTo(epochBefore + 1));
		});
	}

	@Test
	void deviceWithoutIdentityIsFlaggedAndNeverPolled() {
		String deviceId = SANDBOX.unidentifiedDeviceId();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String body = RestClient.create("http://127.0.0.1:" + this.port)
				.get()
				.uri("/api/devices/unidentified")
				.header("Authorization", OperatorAuth.VIEWER)
				.retrieve()
				.body(String.class);
			assertThat(body).contains("\"deviceId\":\"" + deviceId + "\"").contains("\"apiKeyName\":\"demo-1\"");
			assertThat(this.meters.get("poller.devices.unidentified").gauge().value()).isGreaterThanOrEqualTo(1.0);
			assertThat(this.tap.of(DeviceIdentityMissing.class, (e) -> e.deviceId().equals(deviceId))).singleElement()
				.satisfies((k) -> assertThat(k.key()).isEqualTo("unidentified:" + deviceId));
		});
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM premises WHERE device_id = ?", Integer.class, deviceId))
			.isZero();
		assertThat(this.tap.of(DeviceSnapshotted.class, (s) -> s.deviceId().equals(deviceId))).isEmpty();
	}

}
