package eco.qubeprepaid.sandbox.qube.api;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Happy paths of the writes (E3, P1-P6), each confirmed by reading the state back. */
class ControlOperationsIT extends SandboxITSupport {

	private SandboxHttp.Fleet fleet;

	private String path;

	@BeforeEach
	void fleet() {
		this.fleet = this.http.newFleet(41, 4, 1);
		String device = this.fleet.deviceIds()
			.stream()
			.filter((id) -> this.http.state(id).get("mode").asString().equals("PREPAID"))
			.findFirst()
			.orElseThrow();
		this.path = "/api/v2/devices/" + device + "/";
	}

	@Test
	void updatesSpaceMetadataPartially() {
		long spaceId = this.fleet.devices().get(0).get("space_id").asLong();
		String space = "/api/v2/spaces/" + spaceId + "/";
		String before = this.http.get(this.fleet.key(), space).assertOk().get("description").asString();
		SandboxHttp.Response response = this.http.put(this.fleet.key(), space,
				"{\"name\":\"Renamed\",\"udf3\":\"zone-downtown\",\"tags\":[\"north\",\"residential\"]}");
		JsonNode updated = response.assertOk();
		assertThat(response.json().get("message").asString()).isEqualTo("Space updated");
		assertThat(updated.get("name").asString()).isEqualTo("Renamed");
		assertThat(updated.get("description").asString()).isEqualTo(before);
		assertThat(updated.get("udf3").asString()).isEqualTo("zone-downtown");
		assertThat(updated.get("tags").toString()).isEqualTo("[\"north\",\"residential\"]");
		assertThat(updated.get("devices")).hasSize(4);
		assertThat(this.http.get(this.fleet.key(), space).assertOk()).isEqualTo(updated);
	}

	@Test
	void updatesDeviceMetadataPartially() {
		SandboxHttp.Response response = this.http.put(this.fleet.key(), this.path,
				"{\"name\":\"Flat 999\",\"udf4\":\"meter-room-2\",\"udf2\":null}");
		JsonNode device = response.assertOk();
		assertThat(response.json().get("message").asString()).isEqualTo("Device updated");
		assertThat(device.get("name").asString()).isEqualTo("Flat 999");
		assertThat(device.get("udf4").asString()).isEqualTo("meter-room-2");
		assertThat(device.get("udf2").isNull()).isTrue();
		assertThat(device.get("udf1").asString()).startsWith("Tower-");
		assertThat(device.get("readings")).hasSize(3);
	}

	@Test
	void switchesTheRelayOffAndOn() {
		this.http.put(this.fleet.key(), this.path + "relay/", "{\"relay_state\":false}").assertDone();
		JsonNode off = this.http.get(this.fleet.key(), this.path + "metrics").assertOk();
		assertThat(off.get("relay_state").asBoolean()).isFalse();
		assertThat(off.get("active_power").decimalValue()).isEqualByComparingTo("0");
		this.http.put(this.fleet.key(), this.path + "relay/", "{\"relay_state\":true}").assertDone();
		assertThat(this.http.get(this.fleet.key(), this.path + "metrics").assertOk().get("relay_state").asBoolean())
			.isTrue();
	}

	@Test
	void changesModeInEitherCase() {
		this.http.put(this.fleet.key(), this.path + "mode/", "{\"mode\":\"POSTPAID\"}").assertDone();
		assertThat(this.http.get(this.fleet.key(), this.path).assertOk().get("active_mode").asString())
			.isEqualTo("postpaid");
		this.http.put(this.fleet.key(), this.path + "mode/", "{\"mode\":\"prepaid\"}").assertDone();
		assertThat(this.http.get(this.fleet.key(), this.path + "metrics").assertOk().get("mode").asString())
			.isEqualTo("PREPAID");
	}

	@Test
	void setsTheBalanceAbsolutely() {
		this.http.put(this.fleet.key(), this.path + "balance/", "{\"balance\":50000}").assertDone();
		this.http.put(this.fleet.key(), this.path + "balance/", "{\"balance\":50000}").assertDone();
		assertThat(this.http.get(this.fleet.key(), this.path + "metrics").assertOk().get("balance").asLong())
			.isEqualTo(50000);
	}

	@Test
	void setsOneOrBothTariffs() {
		this.http.put(this.fleet.key(), this.path + "tariff/", "{\"eb_tariff\":650,\"dg_tariff\":1500}").assertDone();
		this.http.put(this.fleet.key(), this.path + "tariff/", "{\"dg_tariff\":1800}").assertDone();
		JsonNode metrics = this.http.get(this.fleet.key(), this.path + "metrics").assertOk();
		assertThat(metrics.get("eb_tariff").asLong()).isEqualTo(650);
		assertThat(metrics.get("dg_tariff").asLong()).isEqualTo(1800);
		assertThat(metrics.get("active_tariff").asInt()).isEqualTo(1);
	}

	@Test
	void storesWifiCredentialsWithoutEchoingThePassword() {
		SandboxHttp.Response response = this.http.put(this.fleet.key(), this.path + "wifi/",
				"{\"ssid\":\"Flat-WiFi\",\"password\":\"hunter22\"}");
		response.assertDone();
		assertThat(response.body()).doesNotContain("hunter22");
		String device = this.path.substring("/api/v2/devices/".length(), this.path.length() - 1);
		assertThat(this.http.state(device).get("wifi_ssid").asString()).isEqualTo("Flat-WiFi");
	}

}
