package eco.qubeprepaid.sandbox.qube.admin;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API: fleet generation, clock, faults, bad input, reset, and the metrics it
 * feeds.
 */
class QubeAdminApiIT extends SandboxITSupport {

	@Test
	void generatesAFleetWithIdentitiesAndValidIds() {
		SandboxHttp.Fleet fleet = this.http.newFleet(61, 12, 3);
		assertThat(fleet.deviceIds()).hasSize(12).doesNotHaveDuplicates();
		for (JsonNode device : fleet.devices()) {
			assertThat(device.get("device_id").asString()).matches("QUBE-ONE-[0-9A-F]{12}");
			assertThat(device.get("udf1").asString())
				.matches("Tower-[A-Z]+\\.(Floor-\\d\\d\\.Flat-\\d+|Common-\\d\\d)");
			assertThat(device.get("api_key").asString()).isEqualTo(fleet.key());
		}
		JsonNode spaces = this.http.get(fleet.key(), "/api/v2/spaces/").assertOk();
		assertThat(spaces).hasSize(3);
		assertThat(spaces.get(0).get("devices")).hasSize(4);
	}

	@Test
	void rejectsBadInputWithA400AndNoChange() {
		JsonNode clock = this.http.admin("GET", "/clock", null);
		assertBadRequest("POST", "/clock/advance", "{\"seconds\":-5}");
		assertBadRequest("POST", "/clock/advance", "{\"seconds\":\"soon\"}");
		assertBadRequest("PUT", "/clock", "{}");
		assertBadRequest("PUT", "/clock", "{\"speed\":-1}");
		assertBadRequest("POST", "/fleet", "{\"meters\":-1,\"spaces\":1,\"api_keys\":[\"x\"]}");
		assertBadRequest("POST", "/fleet", "{\"meters\":1,\"spaces\":1,\"api_keys\":[]}");
		assertBadRequest("PUT", "/faults", "{\"error_ratio\":1.5}");
		assertBadRequest("PUT", "/rate-limit", "{\"requests\":10}");
		assertBadRequest("POST", "/devices/QUBE-ONE-5EED00000101/external-recharge", "{\"amount_paise\":0}");
		assertBadRequest("POST", "/devices/QUBE-ONE-5EED00000101/online", "{\"online\":");
		assertThat(this.http.admin("GET", "/clock", null)).isEqualTo(clock);
		assertThat(this.http.admin("GET", "/faults", null).get("error_ratio").asDouble()).isZero();
		assertThat(this.http.state("QUBE-ONE-5EED00000101").get("balance").asLong()).isEqualTo(25000);
		SandboxHttp.Response unknown = this.http.send(null, "GET", "/admin/qube/devices/QUBE-ONE-000000000000", null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("error").asString()).isEqualTo("not_found");
	}

	@Test
	void advancesAndReportsTheSimulatedClock() {
		JsonNode before = this.http.admin("GET", "/clock", null);
		JsonNode after = this.http.admin("POST", "/clock/advance", "{\"seconds\":900}");
		assertThat(after.get("sim_epoch_millis").asLong() - before.get("sim_epoch_millis").asLong()).isEqualTo(900_000);
		assertThat(after.get("sim_time").asString()).endsWith("+05:30");
	}

	@Test
	void resetRestoresTheStartUpStateReproducibly() {
		SandboxHttp.Fleet fleet = this.http.newFleet(71, 2, 1);
		JsonNode demoBefore = this.http.admin("POST", "/reset", null);
		String demo = this.http.get("demo-key-1", "/api/v2/spaces/").body();
		this.http.get(fleet.key(), "/api/v2/spaces/").assertError(401, "authentication_error");
		this.http.put("quickstart-key", "/api/v2/devices/QUBE-ONE-5EED00000101/balance/", "{\"balance\":1}")
			.assertDone();
		JsonNode demoAfter = this.http.admin("POST", "/reset", null);
		assertThat(demoAfter.get("devices").asInt()).isEqualTo(41);
		assertThat(demoAfter.get("sim_epoch_millis")).isEqualTo(demoBefore.get("sim_epoch_millis"));
		assertThat(strip(this.http.get("demo-key-1", "/api/v2/spaces/").body())).isEqualTo(strip(demo));
		assertThat(this.http.state("QUBE-ONE-5EED00000101").get("balance").asLong()).isEqualTo(25000);
	}

	@Test
	void exposesLowCardinalityRequestMetrics() {
		SandboxHttp.Fleet fleet = this.http.newFleet(81, 1, 1);
		this.http.get(fleet.key(), "/api/v2/devices/" + fleet.deviceIds().get(0) + "/metrics").assertOk();
		this.http.get(fleet.key(), "/api/v2/devices/QUBE-ONE-000000000000/").assertError(400, "device_not_found");
		SandboxHttp.Response prometheus = this.http.send(null, "GET", "/actuator/prometheus", null);
		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.body()).contains("sandbox_qube_requests_total{endpoint=\"E5\",outcome=\"success\"}")
			.contains("sandbox_qube_requests_total{endpoint=\"E4\",outcome=\"device_not_found\"}")
			.contains("sandbox_qube_rate_limited_total")
			.doesNotContain(fleet.deviceIds().get(0));
		assertThat(this.http.send(null, "GET", "/actuator/health", null).body()).contains("UP");
	}

	private void assertBadRequest(String method, String path, String body) {
		SandboxHttp.Response response = this.http.send(null, method, "/admin/qube" + path, body);
		assertThat(response.status()).as(method + " " + path + " " + body + " -> " + response.body()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).isNotBlank();
	}

	/** Drops the envelope timestamp, the only part that may differ between two resets. */
	private static String strip(String body) {
		return body.replaceAll("\"timestamp\":\"[^\"]*\"", "");
	}

}
