package eco.qubeprepaid.sandbox.qube.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick-start fixture reproduces the seed overview's first three calls exactly. */
class QuickstartFixtureIT extends SandboxITSupport {

	private static final String KEY = "quickstart-key";

	private static final String DEVICE = "QUBE-ONE-5EED00000101";

	@Test
	void listsTheSeedSpaceWithItsDevice() {
		SandboxHttp.Response response = this.http.get(KEY, "/api/v2/spaces/");
		JsonNode data = response.assertOk();
		assertThat(data.isArray()).isTrue();
		assertThat(data).hasSize(1);
		JsonNode space = data.get(0);
		assertThat(space.get("name").asString()).isEqualTo("My Building");
		assertThat(space.get("description").asString()).isEqualTo("Main property");
		assertThat(space.get("space_id").isIntegralNumber()).isTrue();
		assertThat(space.get("space_id").asLong()).isEqualTo(123);
		assertThat(space.get("tags").isArray()).isTrue();
		JsonNode device = space.get("devices").get(0);
		assertThat(device.get("device_id").asString()).isEqualTo(DEVICE);
		assertThat(device.get("name").asString()).isEqualTo("Room 101");
		assertThat(device.get("active_mode").asString()).isEqualTo("prepaid");
		assertThat(device.get("udf1").asString()).isEqualTo("Building-A.Floor-1.Room-101");
		assertThat(device.has("udf3") && device.get("udf3").isNull()).isTrue();
		assertThat(device.has("balance")).isFalse();
		assertThat(device.has("is_online")).isFalse();
	}

	@Test
	void getsTheSeedSpaceById() {
		JsonNode space = this.http.get(KEY, "/api/v2/spaces/123/").assertOk();
		assertThat(space.get("space_id").asLong()).isEqualTo(123);
		assertThat(space.get("devices").get(0).get("device_id").asString()).isEqualTo(DEVICE);
	}

	@Test
	void showsTheSeedDeviceDetailsWithExactReadings() {
		SandboxHttp.Response response = this.http.get(KEY, "/api/v2/devices/" + DEVICE + "/");
		JsonNode device = response.assertOk();
		assertThat(device.get("name").asString()).isEqualTo("Room 101");
		assertThat(device.get("device_id").asString()).isEqualTo(DEVICE);
		assertThat(device.get("is_online").asBoolean()).isTrue();
		assertThat(device.get("has_relay").asBoolean()).isTrue();
		assertThat(device.get("active_mode").asString()).isEqualTo("prepaid");
		assertThat(device.get("balance").isIntegralNumber()).isTrue();
		assertThat(device.get("balance").asLong()).isEqualTo(25000);
		JsonNode readings = device.get("readings");
		assertThat(readings.get(0).get("property_id").asString()).isEqualTo("energy");
		assertThat(readings.get(0).get("value").decimalValue()).isEqualTo(new BigDecimal("1234.56"));
		assertThat(readings.get(0).get("unit").asString()).isEqualTo("kWh");
		assertThat(readings.get(1).get("property_id").asString()).isEqualTo("active_power");
		assertThat(readings.get(1).get("value").decimalValue()).isEqualTo(new BigDecimal("850.0"));
		assertThat(readings.get(1).get("unit").asString()).isEqualTo("W");
		assertThat(readings.get(2).get("property_id").asString()).isEqualTo("voltage");
		assertThat(readings.get(2).get("value").decimalValue()).isEqualTo(new BigDecimal("230.5"));
		assertThat(readings.get(2).get("unit").asString()).isEqualTo("V");
		assertThat(device.get("udf1").asString()).isEqualTo("Building-A.Floor-1.Room-101");
		assertThat(device.get("udf2").asString()).isEqualTo("Tenant.101.Hrithik");
		assertThat(response.body()).contains("\"value\":1234.56,").contains("\"value\":850.0,");
	}

	@Test
	void flattensTheSeedMetricsLikeTheReferenceExample() {
		JsonNode metrics = this.http.get(KEY, "/api/v2/devices/" + DEVICE + "/metrics").assertOk();
		assertThat(metrics.get("device_id").asString()).isEqualTo(DEVICE);
		assertThat(metrics.get("eb_tariff").asLong()).isEqualTo(500);
		assertThat(metrics.get("dg_tariff").asLong()).isEqualTo(800);
		assertThat(metrics.get("active_tariff").asInt()).isEqualTo(1);
		assertThat(metrics.get("energy").decimalValue()).isEqualTo(new BigDecimal("1234.56"));
		assertThat(metrics.get("relay_state").asBoolean()).isTrue();
		assertThat(metrics.get("mode").asString()).isEqualTo("PREPAID");
		assertThat(metrics.get("pg_enabled").asBoolean()).isTrue();
	}

	@Test
	void returnsTheSevenSeedDailyEnergyReadings() {
		SandboxHttp.Response response = this.http.get(KEY, "/api/v2/devices/" + DEVICE
				+ "/metrics/history?property_id=energy&from_date=2025-09-01&to_date=2025-09-07&interval=1d");
		JsonNode data = response.assertOk();
		assertThat(data.get("device_id").asString()).isEqualTo(DEVICE);
		assertThat(data.get("from_date").asString()).isEqualTo("2025-09-01");
		assertThat(data.get("to_date").asString()).isEqualTo("2025-09-07");
		List<String> values = new ArrayList<>();
		List<String> timestamps = new ArrayList<>();
		for (JsonNode reading : data.get("readings")) {
			assertThat(reading.get("property_id").asString()).isEqualTo("energy");
			assertThat(reading.get("unit").asString()).isEqualTo("kWh");
			values.add(reading.get("value").decimalValue().toPlainString());
			timestamps.add(reading.get("timestamp").asString());
		}
		assertThat(values).containsExactly("1000.0", "1025.5", "1048.2", "1073.8", "1095.1", "1118.7", "1142.3");
		assertThat(timestamps).containsExactly("2025-09-01T23:59:59+05:30", "2025-09-02T23:59:59+05:30",
				"2025-09-03T23:59:59+05:30", "2025-09-04T23:59:59+05:30", "2025-09-05T23:59:59+05:30",
				"2025-09-06T23:59:59+05:30", "2025-09-07T23:59:59+05:30");
		assertThat(response.body()).contains("\"value\":1000.0,");
	}

	@Test
	void defaultsTheHistoryIntervalToOneDay() {
		JsonNode data = this.http
			.get(KEY,
					"/api/v2/devices/" + DEVICE
							+ "/metrics/history?property_id=energy&from_date=2025-09-02&to_date=2025-09-03")
			.assertOk();
		assertThat(data.get("readings")).hasSize(2);
		assertThat(data.get("readings").get(1).get("value").decimalValue()).isEqualTo(new BigDecimal("1048.2"));
	}

}
