package eco.qubeprepaid.sandbox.qube.api;

import java.util.List;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed JSON, wrong types, out-of-range values and missing fields get 400
 * validation_error and change nothing: the device's full internal state and its public
 * view are read before and after (the simulated clock is paused, so any difference is a
 * leak).
 */
class BadInputIT extends SandboxITSupport {

	private SandboxHttp.Fleet fleet;

	private String device;

	@BeforeEach
	void fleet() {
		this.fleet = this.http.newFleet(21, 3, 1);
		this.device = this.fleet.deviceIds().get(0);
	}

	@Test
	void rejectsBadRelayBodies() {
		assertRejectedWithoutChange("relay/", "{\"relay_state\":", "[true]", "{\"relay_state\":\"false\"}",
				"{\"relay_state\":0}", "{\"relay_state\":null}", "{}", "", "null");
	}

	@Test
	void rejectsBadModeBodies() {
		assertRejectedWithoutChange("mode/", "{\"mode\":\"eco\"}", "{\"mode\":1}", "{\"mode\":\"\"}", "{}",
				"{mode:'prepaid'}");
	}

	@Test
	void rejectsBadBalanceBodies() {
		assertRejectedWithoutChange("balance/", "{\"balance\":-1}", "{\"balance\":10000001}", "{\"balance\":\"500\"}",
				"{\"balance\":12.5}", "{\"balance\":1e3}", "{\"balance\":99999999999999999999999}", "{\"amount\":5}",
				"{\"balance\":true}", "{\"balance\":500");
	}

	@Test
	void rejectsBadTariffBodies() {
		assertRejectedWithoutChange("tariff/", "{\"eb_tariff\":-5}", "{\"dg_tariff\":100001}",
				"{\"eb_tariff\":600,\"dg_tariff\":\"900\"}", "{\"active_tariff\":2}", "{\"eb_tariff\":5.5}");
	}

	@Test
	void rejectsBadWifiBodies() {
		assertRejectedWithoutChange("wifi/", "{\"ssid\":\"\"}", "{\"ssid\":\"" + "x".repeat(33) + "\"}",
				"{\"ssid\":\"ok\",\"password\":\"" + "p".repeat(64) + "\"}", "{\"password\":\"secret\"}",
				"{\"ssid\":42}");
	}

	@Test
	void rejectsBadDeviceMetadataBodies() {
		assertRejectedWithoutChange("", "{\"name\":null}", "{\"name\":7}", "{\"udf1\":\"" + "u".repeat(256) + "\"}",
				"{\"udf2\":[\"a\"]}", "[]", "{\"description\":");
	}

	@Test
	void rejectsBadSpaceBodiesWithoutChange() {
		long spaceId = this.fleet.devices().get(0).get("space_id").asLong();
		String path = "/api/v2/spaces/" + spaceId + "/";
		JsonNode before = this.http.get(this.fleet.key(), path).assertOk();
		for (String body : List.of("{\"name\":5}", "{\"tags\":\"a\"}", "{\"tags\":[1]}", "{", "\"x\"")) {
			this.http.put(this.fleet.key(), path, body).assertError(400, "validation_error");
		}
		assertThat(this.http.get(this.fleet.key(), path).assertOk()).isEqualTo(before);
	}

	@Test
	void ignoresUnknownFields() {
		this.http
			.put(this.fleet.key(), "/api/v2/devices/" + this.device + "/balance/",
					"{\"balance\":777,\"note\":\"ignored\",\"nested\":{\"a\":[1,2]}}")
			.assertDone();
		assertThat(this.http.state(this.device).get("balance").asLong()).isEqualTo(777);
	}

	@Test
	void rejectsBadHistoryQueries() {
		String base = "/api/v2/devices/" + this.device + "/metrics/history?";
		List<String> queries = List.of("property_id=energy&from_date=2025-10-02&to_date=2025-10-01",
				"property_id=energy&from_date=2025-13-01&to_date=2025-13-02",
				"property_id=energy&from_date=20251001&to_date=2025-10-02",
				"property_id=power&from_date=2025-10-01&to_date=2025-10-01", "from_date=2025-10-01&to_date=2025-10-01",
				"property_id=energy&from_date=2025-10-01&to_date=2025-11-01&interval=1h",
				"property_id=energy&from_date=2025-10-01&to_date=2025-11-01&interval=15m",
				"property_id=energy&from_date=2025-01-01&to_date=2026-01-02&interval=1d",
				"property_id=energy&from_date=2025-10-01&to_date=2025-10-01&interval=5m",
				"property_id=energy&to_date=2025-10-01");
		for (String query : queries) {
			this.http.get(this.fleet.key(), base + query).assertError(400, "validation_error");
		}
		this.http.get(this.fleet.key(), base + "property_id=energy&from_date=2025-10-01&to_date=2025-10-31&interval=1h")
			.assertOk();
		this.http.get(this.fleet.key(), base + "property_id=energy&from_date=2025-01-01&to_date=2026-01-01&interval=1d")
			.assertOk();
	}

	@Test
	void unknownDeviceWinsOverABadBody() {
		this.http.put(this.fleet.key(), "/api/v2/devices/QUBE-ONE-FFFFFFFFFFFF/balance/", "{\"balance\":\"x\"}")
			.assertError(400, "device_not_found");
	}

	private void assertRejectedWithoutChange(String op, String... bodies) {
		String path = "/api/v2/devices/" + this.device + "/" + op;
		JsonNode stateBefore = this.http.state(this.device);
		JsonNode viewBefore = this.http.get(this.fleet.key(), "/api/v2/devices/" + this.device + "/").assertOk();
		for (String body : bodies) {
			this.http.put(this.fleet.key(), path, body).assertError(400, "validation_error");
		}
		assertThat(this.http.state(this.device)).isEqualTo(stateBefore);
		assertThat(this.http.get(this.fleet.key(), "/api/v2/devices/" + this.device + "/").assertOk())
			.isEqualTo(viewBefore);
	}

}
