package eco.qubeprepaid.sandbox.qube.api;

import java.time.Duration;
import java.util.List;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import eco.qubeprepaid.sandbox.support.SandboxITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every error code and HTTP status of REFERENCE 5.2 and G13, over real HTTP. */
class PublicApiErrorsIT extends SandboxITSupport {

	private static final List<String[]> CONTROL_OPS = List.of(new String[] { "relay/", "{\"relay_state\":false}" },
			new String[] { "mode/", "{\"mode\":\"postpaid\"}" }, new String[] { "balance/", "{\"balance\":100}" },
			new String[] { "tariff/", "{\"eb_tariff\":600}" },
			new String[] { "wifi/", "{\"ssid\":\"Home\",\"password\":\"secret12\"}" });

	private SandboxHttp.Fleet fleet;

	private String device;

	@BeforeEach
	void fleet() {
		this.fleet = this.http.newFleet(11, 60, 2);
		this.device = firstDevice(true);
	}

	@Test
	void answers401WithTheDocumentedDetailWhenTheKeyIsMissingOrUnknown() {
		for (String key : new String[] { null, "no-such-key", "" }) {
			SandboxHttp.Response response = this.http.get(key, "/api/v2/spaces/");
			String detail = response.assertError(401, "authentication_error");
			assertThat(detail).isEqualTo("Invalid Authorization header. Bearer authorization is required.");
			assertThat(response.header("X-RateLimit-Remaining")).isNull();
		}
	}

	@Test
	void answers400DeviceNotFoundForUnknownOrForeignDevices() {
		String detail = this.http.get(this.fleet.key(), "/api/v2/devices/QUBE-ONE-000000000000/")
			.assertError(400, "device_not_found");
		assertThat(detail)
			.isEqualTo("You are not allowed to access the specified device. Or the specified device does not exist.");
		this.http.get(this.fleet.key(), "/api/v2/devices/QUBE-ONE-5EED00000101/").assertError(400, "device_not_found");
		this.http.get("quickstart-key", "/api/v2/devices/" + this.device + "/metrics")
			.assertError(400, "device_not_found");
		this.http.put(this.fleet.key(), "/api/v2/devices/QUBE-ONE-000000000000/balance/", "{\"balance\":1}")
			.assertError(400, "device_not_found");
		this.http.get(this.fleet.key(), "/api/v2/devices/QUBE-ONE-000000000000/metrics/history?property_id=energy")
			.assertError(400, "device_not_found");
	}

	@Test
	void answers417DeviceNotInSpaceForADetachedDevice() {
		this.http.admin("POST", "/devices/" + this.device + "/detach", null);
		String detail = this.http.get(this.fleet.key(), "/api/v2/devices/" + this.device + "/")
			.assertError(417, "device_not_in_space");
		assertThat(detail).isEqualTo("Device is not associated with any space");
		this.http.get(this.fleet.key(), "/api/v2/devices/" + this.device + "/metrics")
			.assertError(417, "device_not_in_space");
		this.http.put(this.fleet.key(), "/api/v2/devices/" + this.device + "/relay/", "{\"relay_state\":false}")
			.assertError(417, "device_not_in_space");
		JsonNode spaces = this.http.get(this.fleet.key(), "/api/v2/spaces/").assertOk();
		assertThat(spaces.toString()).doesNotContain(this.device);
	}

	@Test
	void answers400NotYourSpaceForForeignUnknownOrMalformedSpaces() {
		String detail = this.http.get(this.fleet.key(), "/api/v2/spaces/123/").assertError(400, "not_your_space");
		assertThat(detail).isEqualTo("The space does not belong to you.");
		this.http.get(this.fleet.key(), "/api/v2/spaces/987654321/").assertError(400, "not_your_space");
		this.http.get(this.fleet.key(), "/api/v2/spaces/abc/").assertError(400, "not_your_space");
		this.http.put(this.fleet.key(), "/api/v2/spaces/123/", "{\"name\":\"Mine now\"}")
			.assertError(400, "not_your_space");
		assertThat(this.http.get("quickstart-key", "/api/v2/spaces/123/").assertOk().get("name").asString())
			.isEqualTo("My Building");
	}

	@Test
	void answers404NotFoundForTheOtherTrailingSlashFormAndUnknownRoutes() {
		String key = this.fleet.key();
		String d = "/api/v2/devices/" + this.device;
		this.http.get(key, "/api/v2/spaces").assertError(404, "not_found");
		this.http.get(key, d).assertError(404, "not_found");
		this.http.get(key, d + "/metrics/").assertError(404, "not_found");
		this.http.get(key, d + "/metrics/history/?property_id=energy").assertError(404, "not_found");
		this.http.put(key, d + "/relay", "{\"relay_state\":false}").assertError(404, "not_found");
		this.http.get(key, "/api/v2/meters/").assertError(404, "not_found");
		assertThat(this.http.state(this.device).get("manual_off").asBoolean()).isFalse();
	}

	@Test
	void servesBothSlashFormsWhenLenient() {
		this.http.admin("PUT", "/slashes", "{\"lenient\":true}");
		try {
			String d = "/api/v2/devices/" + this.device;
			this.http.get(this.fleet.key(), "/api/v2/spaces").assertOk();
			this.http.get(this.fleet.key(), d).assertOk();
			this.http.get(this.fleet.key(), d + "/metrics/").assertOk();
			this.http.get(this.fleet.key(), d + "/").assertOk();
			this.http.get(this.fleet.key(), d + "/metrics").assertOk();
		}
		finally {
			this.http.admin("PUT", "/slashes", "{\"lenient\":false}");
		}
		this.http.get(this.fleet.key(), "/api/v2/spaces").assertError(404, "not_found");
	}

	@Test
	void answers405MethodNotAllowedForAWrongMethod() {
		this.http.send(this.fleet.key(), "POST", "/api/v2/spaces/", "{}").assertError(405, "method_not_allowed");
		this.http.send(this.fleet.key(), "DELETE", "/api/v2/devices/" + this.device + "/", null)
			.assertError(405, "method_not_allowed");
		this.http.put(this.fleet.key(), "/api/v2/devices/" + this.device + "/metrics", "{}")
			.assertError(405, "method_not_allowed");
	}

	@Test
	void offlineDeviceShowsLastValuesButRefusesMetricsAndControl() {
		String key = this.fleet.key();
		String d = "/api/v2/devices/" + this.device;
		JsonNode before = this.http.get(key, d + "/").assertOk();
		this.http.admin("POST", "/devices/" + this.device + "/online", "{\"online\":false}");
		this.http.advance(3600);
		JsonNode offline = this.http.get(key, d + "/").assertOk();
		assertThat(offline.get("is_online").asBoolean()).isFalse();
		assertThat(offline.get("readings")).isEqualTo(before.get("readings"));
		assertThat(offline.get("balance")).isEqualTo(before.get("balance"));
		this.http.get(key, d + "/metrics").assertError(417, "device_offline");
		for (String[] op : CONTROL_OPS) {
			this.http.put(key, d + "/" + op[0], op[1]).assertError(417, "device_offline");
		}
		this.http.put(key, d + "/", "{\"udf3\":\"edited offline\"}").assertOk();
		this.http.get(key, d + "/metrics/history?property_id=energy&from_date=2025-10-01&to_date=2025-10-01")
			.assertOk();
		this.http.admin("POST", "/devices/" + this.device + "/online", "{\"online\":true}");
		JsonNode online = this.http.get(key, d + "/").assertOk();
		assertThat(online.get("is_online").asBoolean()).isTrue();
		assertThat(online.get("udf3").asString()).isEqualTo("edited offline");
		assertThat(online.get("readings").get(0).get("value").decimalValue())
			.isGreaterThan(before.get("readings").get(0).get("value").decimalValue());
	}

	@Test
	void answers417RelayNotAvailableOnAMeterWithoutRelay() {
		String noRelay = firstDevice(false);
		String d = "/api/v2/devices/" + noRelay;
		this.http.put(this.fleet.key(), d + "/relay/", "{\"relay_state\":false}")
			.assertError(417, "relay_not_available");
		this.http.put(this.fleet.key(), d + "/mode/", "{\"mode\":\"prepaid\"}").assertError(417, "relay_not_available");
		this.http.put(this.fleet.key(), d + "/mode/", "{\"mode\":\"RELAY_OFF\"}")
			.assertError(417, "relay_not_available");
		assertThat(this.http.state(noRelay).get("mode").asString()).isEqualTo("MEASUREMENT");
	}

	@Test
	void answers417InvalidStateWhenSwitchingOnInRelayOffOrMeasurementMode() {
		String d = "/api/v2/devices/" + this.device;
		this.http.put(this.fleet.key(), d + "/mode/", "{\"mode\":\"relay_off\"}").assertDone();
		assertThat(this.http.get(this.fleet.key(), d + "/metrics").assertOk().get("relay_state").asBoolean()).isFalse();
		this.http.put(this.fleet.key(), d + "/relay/", "{\"relay_state\":true}").assertError(417, "invalid_state");
		this.http.put(this.fleet.key(), d + "/mode/", "{\"mode\":\"measurement\"}").assertDone();
		this.http.put(this.fleet.key(), d + "/relay/", "{\"relay_state\":true}").assertError(417, "invalid_state");
		this.http.put(this.fleet.key(), d + "/relay/", "{\"relay_state\":false}").assertDone();
	}

	@Test
	void answers417InsufficientBalanceWhenSwitchingOnAnEmptyPrepaidMeter() {
		String d = "/api/v2/devices/" + this.device;
		this.http.put(this.fleet.key(), d + "/balance/", "{\"balance\":0}").assertDone();
		JsonNode metrics = this.http.get(this.fleet.key(), d + "/metrics").assertOk();
		assertThat(metrics.get("relay_state").asBoolean()).isFalse();
		this.http.put(this.fleet.key(), d + "/relay/", "{\"relay_state\":true}")
			.assertError(417, "insufficient_balance");
		assertThat(this.http.state(this.device).get("relay_state").asBoolean()).isFalse();
	}

	@Test
	void answers500InternalErrorWhenFaultsInjectThemWithoutChangingState() {
		long balance = this.http.state(this.device).get("balance").asLong();
		this.http.admin("PUT", "/faults", "{\"error_ratio\":1.0}");
		try {
			this.http.get(this.fleet.key(), "/api/v2/spaces/").assertError(500, "internal_error");
			this.http.put(this.fleet.key(), "/api/v2/devices/" + this.device + "/balance/", "{\"balance\":4242}")
				.assertError(500, "internal_error");
		}
		finally {
			this.http.admin("PUT", "/faults", "{}");
		}
		assertThat(this.http.state(this.device).get("balance").asLong()).isEqualTo(balance);
		this.http.get(this.fleet.key(), "/api/v2/spaces/").assertOk();
	}

	@Test
	void holdsRequestsWhenLatencyIsInjected() {
		this.http.admin("PUT", "/faults", "{\"latency_ms\":300}");
		try {
			long start = System.nanoTime();
			this.http.get(this.fleet.key(), "/api/v2/spaces/").assertOk();
			assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
		}
		finally {
			this.http.admin("PUT", "/faults", "{}");
		}
	}

	@Test
	void holdsARatioOfRequestsAsTimeouts() {
		this.http.admin("PUT", "/faults", "{\"timeout_ratio\":1.0,\"timeout_ms\":400}");
		try {
			long start = System.nanoTime();
			this.http.get(this.fleet.key(), "/api/v2/devices/" + this.device + "/").assertOk();
			assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
		}
		finally {
			this.http.admin("PUT", "/faults", "{}");
		}
	}

	@Test
	void offlineFlapsTakeDevicesOfflineForAWhile() {
		String metrics = "/api/v2/devices/" + this.device + "/metrics";
		this.http.admin("PUT", "/faults", "{\"offline_flap_ratio\":1.0,\"offline_flap_ms\":1500}");
		try {
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> this.http.get(this.fleet.key(), metrics).assertError(417, "device_offline"));
		}
		finally {
			this.http.admin("PUT", "/faults", "{}");
		}
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> this.http.get(this.fleet.key(), metrics).assertOk());
	}

	private String firstDevice(boolean hasRelay) {
		for (String id : this.fleet.deviceIds()) {
			if (this.http.state(id).get("has_relay").asBoolean() == hasRelay
					&& (!hasRelay || this.http.state(id).get("mode").asString().equals("PREPAID"))) {
				return id;
			}
		}
		throw new AssertionError("the seeded fleet has no device with has_relay " + hasRelay);
	}

}
