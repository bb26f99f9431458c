package eco.qubeprepaid.sandbox.contract;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import eco.qubeprepaid.qube.client.QubeClient;
import eco.qubeprepaid.qube.client.QubeErrorCode;
import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.HistoryInterval;
import eco.qubeprepaid.qube.client.model.MetadataUpdate;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Space;
import eco.qubeprepaid.qube.client.model.Tariff;
import eco.qubeprepaid.qube.client.model.WriteOutcome;
import eco.qubeprepaid.sandbox.support.SandboxHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error code of REFERENCE 5.2 and G13 that a 4xx can carry, provoked in the real
 * sandbox and seen through the real client: each check is on the typed
 * {@link QubeErrorCode} and the HTTP status of the client's exception. 4xx answers are
 * final, so each is also checked to have been sent exactly once.
 */
class QubeClientErrorContractIT extends QubeClientContractSupport {

	private static final String UNKNOWN_DEVICE = "QUBE-ONE-000000000000";

	private SandboxHttp.Fleet fleet;

	private String device;

	private RecordingHttpClient transport;

	private QubeClient qube;

	@BeforeEach
	void fleet() {
		// Seed 11 with 60 meters is known to include common-area meters without a relay.
		this.fleet = this.http.newFleet(11, 60, 2);
		this.device = prepaidDevice(this.fleet);
		this.transport = RecordingHttpClient.faithful();
		this.qube = client(this.fleet.key(), this.transport);
	}

	@Test
	void wrongKeyIsRefusedWith401AuthenticationError() {
		RecordingHttpClient wrongKeyTransport = RecordingHttpClient.faithful();
		QubeClient wrongKey = client("no-such-key", wrongKeyTransport);
		long balance = this.http.state(this.device).get("balance").asLong();
		assertThat(expectError(QubeErrorCode.AUTHENTICATION_ERROR, 401, wrongKey::spaces).detail())
			.isEqualTo(AUTHENTICATION_DETAIL);
		expectError(QubeErrorCode.AUTHENTICATION_ERROR, 401, () -> wrongKey.device(this.device));
		expectError(QubeErrorCode.AUTHENTICATION_ERROR, 401, () -> wrongKey.setBalance(this.device, 1));
		assertThat(wrongKeyTransport.statuses()).containsExactly(401, 401, 401);
		assertThat(this.http.state(this.device).get("balance").asLong()).isEqualTo(balance);
	}

	@Test
	void missingKeyIsRefusedWith401AuthenticationError() {
		// The client always sends the key, so first a raw request without the header.
		assertExactErrorEnvelope(this.http.get(null, "/api/v2/spaces/"), 401, QubeErrorCode.AUTHENTICATION_ERROR,
				AUTHENTICATION_DETAIL);
		// Then the client's own request with the header dropped on the wire, so the
		// client's parsing of that answer is checked too.
		RecordingHttpClient keyless = RecordingHttpClient.rewriting(RecordingHttpClient.withoutApiKey());
		QubeClient client = client(this.fleet.key(), keyless);
		assertThat(expectError(QubeErrorCode.AUTHENTICATION_ERROR, 401, client::spaces).detail())
			.isEqualTo(AUTHENTICATION_DETAIL);
		expectError(QubeErrorCode.AUTHENTICATION_ERROR, 401, () -> client.metrics(this.device));
		assertThat(keyless.exchanges()).hasSize(2).noneMatch(RecordingHttpClient.Exchange::hadApiKey);
	}

	@Test
	void unknownOrForeignDeviceIsDeviceNotFound400() {
		String detail = expectError(QubeErrorCode.DEVICE_NOT_FOUND, 400, () -> this.qube.device(UNKNOWN_DEVICE))
			.detail();
		assertThat(detail)
			.isEqualTo("You are not allowed to access the specified device. Or the specified device does not exist.");
		expectError(QubeErrorCode.DEVICE_NOT_FOUND, 400, () -> this.qube.metrics(UNKNOWN_DEVICE));
		expectError(QubeErrorCode.DEVICE_NOT_FOUND, 400, () -> this.qube.history(UNKNOWN_DEVICE, "energy",
				LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 1), HistoryInterval.ONE_DAY));
		expectError(QubeErrorCode.DEVICE_NOT_FOUND, 400,
				() -> this.qube.updateDevice(UNKNOWN_DEVICE, MetadataUpdate.builder().udf(3, "x").build()));
		expectError(QubeErrorCode.DEVICE_NOT_FOUND, 400, () -> this.qube.setRelay(UNKNOWN_DEVICE, false));
		expectError(QubeErrorCode.DEVICE_NOT_FOUND, 400, () -> this.qube.setWifi(UNKNOWN_DEVICE, "Home", "secret12"));
		// Devices of another account are just as invisible, in both directions.
		expectError(QubeErrorCode.DEVICE_NOT_FOUND, 400, () -> this.qube.device(QUICKSTART_DEVICE));
		expectError(QubeErrorCode.DEVICE_NOT_FOUND, 400, () -> client(QUICKSTART_KEY).metrics(this.device));
		assertThat(this.transport.statuses()).hasSize(7).containsOnly(400);
	}

	@Test
	void detachedDeviceIsDeviceNotInSpace417() {
		this.http.admin("POST", "/devices/" + this.device + "/detach", null);
		String detail = expectError(QubeErrorCode.DEVICE_NOT_IN_SPACE, 417, () -> this.qube.device(this.device))
			.detail();
		assertThat(detail).isEqualTo("Device is not associated with any space");
		expectError(QubeErrorCode.DEVICE_NOT_IN_SPACE, 417, () -> this.qube.metrics(this.device));
		expectError(QubeErrorCode.DEVICE_NOT_IN_SPACE, 417, () -> this.qube.history(this.device, "energy",
				LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 1), HistoryInterval.ONE_DAY));
		expectError(QubeErrorCode.DEVICE_NOT_IN_SPACE, 417,
				() -> this.qube.updateDevice(this.device, MetadataUpdate.builder().udf(3, "x").build()));
		expectError(QubeErrorCode.DEVICE_NOT_IN_SPACE, 417, () -> this.qube.setRelay(this.device, false));
		assertThat(this.transport.statuses()).hasSize(5).containsOnly(417);
		assertThat(this.qube.spaces()).flatExtracting(Space::devices)
			.extracting((summary) -> summary.deviceId())
			.doesNotContain(this.device);
		this.http.admin("POST", "/devices/" + this.device + "/attach",
				"{\"space_id\":" + spaceOf(this.fleet, this.device) + "}");
		assertThat(this.qube.device(this.device).spaceId()).isEqualTo(spaceOf(this.fleet, this.device));
	}

	@Test
	void foreignOrUnknownSpaceIsNotYourSpace400() {
		String detail = expectError(QubeErrorCode.NOT_YOUR_SPACE, 400, () -> this.qube.space(QUICKSTART_SPACE))
			.detail();
		assertThat(detail).isEqualTo("The space does not belong to you.");
		expectError(QubeErrorCode.NOT_YOUR_SPACE, 400, () -> this.qube.space(987_654_321));
		expectError(QubeErrorCode.NOT_YOUR_SPACE, 400,
				() -> this.qube.updateSpace(QUICKSTART_SPACE, MetadataUpdate.builder().name("Mine now").build()));
		assertThat(this.transport.statuses()).containsExactly(400, 400, 400);
		assertThat(client(QUICKSTART_KEY).space(QUICKSTART_SPACE).name()).isEqualTo("My Building");
	}

	@Test
	void offlineDeviceRefusesMetricsAndEveryControlOpWithDeviceOffline417() {
		JsonNode before = this.http.state(this.device);
		setOnline(this.device, false);
		try {
			expectError(QubeErrorCode.DEVICE_OFFLINE, 417, () -> this.qube.metrics(this.device));
			expectError(QubeErrorCode.DEVICE_OFFLINE, 417, () -> this.qube.setRelay(this.device, false));
			expectError(QubeErrorCode.DEVICE_OFFLINE, 417, () -> this.qube.setMode(this.device, Mode.POSTPAID));
			expectError(QubeErrorCode.DEVICE_OFFLINE, 417, () -> this.qube.setBalance(this.device, 100));
			expectError(QubeErrorCode.DEVICE_OFFLINE, 417,
					() -> this.qube.setTariff(this.device, new Tariff(600L, null)));
			expectError(QubeErrorCode.DEVICE_OFFLINE, 417, () -> this.qube.setWifi(this.device, "Home", "secret12"));
			assertThat(this.transport.statuses()).hasSize(6).containsOnly(417);
			// Details, cloud metadata and history still work offline (G8, G16).
			DeviceDetails offline = this.qube.device(this.device);
			assertThat(offline.online()).isFalse();
			assertThat(offline.balance()).isEqualTo(before.get("balance").asLong());
			assertThat(this.qube.updateDevice(this.device, MetadataUpdate.builder().udf(3, "edited offline").build())
				.confirmed()).isTrue();
			LocalDate today = simDate();
			assertThat(this.qube.history(this.device, "energy", today, today, HistoryInterval.ONE_DAY).deviceId())
				.isEqualTo(this.device);
		}
		finally {
			setOnline(this.device, true);
		}
		JsonNode after = this.http.state(this.device);
		for (String field : List.of("mode", "relay_state", "manual_off", "balance", "eb_tariff", "wifi_ssid")) {
			assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
		}
		assertThat(this.qube.device(this.device).udfs().udf3()).isEqualTo("edited offline");
	}

	@Test
	void invalidParametersAndOutOfRangeValuesAreValidationError400() {
		JsonNode before = this.http.state(this.device);
		LocalDate day = LocalDate.of(2025, 10, 1);
		expectError(QubeErrorCode.VALIDATION_ERROR, 400,
				() -> this.qube.history(this.device, "energy", day, day.plusDays(31), HistoryInterval.FIFTEEN_MINUTES));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400,
				() -> this.qube.history(this.device, "energy", day, day.plusDays(31), HistoryInterval.ONE_HOUR));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400,
				() -> this.qube.history(this.device, "energy", day, day.plusDays(366), HistoryInterval.ONE_DAY));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400,
				() -> this.qube.history(this.device, "colour", day, day, HistoryInterval.ONE_DAY));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400, () -> this.qube.setBalance(this.device, -1));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400, () -> this.qube.setBalance(this.device, 10_000_001));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400,
				() -> this.qube.setTariff(this.device, new Tariff(100_001L, null)));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400, () -> this.qube.setTariff(this.device, new Tariff(600L, -1L)));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400, () -> this.qube.setWifi(this.device, "x".repeat(33), "pw"));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400, () -> this.qube.setWifi(this.device, "", "pw"));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400,
				() -> this.qube.updateDevice(this.device, MetadataUpdate.builder().udf(1, "x".repeat(256)).build()));
		expectError(QubeErrorCode.VALIDATION_ERROR, 400, () -> this.qube.updateSpace(spaceOf(this.fleet, this.device),
				MetadataUpdate.builder().name("x".repeat(256)).build()));
		assertThat(this.transport.statuses()).hasSize(12).containsOnly(400);
		// A refused request changes nothing.
		JsonNode after = this.http.state(this.device);
		for (String field : List.of("balance", "eb_tariff", "dg_tariff", "wifi_ssid", "udf1")) {
			assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
		}
	}

	@Test
	void meterWithoutRelayRefusesRelayAndRelayModesWithRelayNotAvailable417() {
		String noRelay = device(this.fleet, (state) -> !state.get("has_relay").asBoolean(), "relay-less");
		assertThat(this.qube.device(noRelay).hasRelay()).isFalse();
		assertThat(
				expectError(QubeErrorCode.RELAY_NOT_AVAILABLE, 417, () -> this.qube.setRelay(noRelay, false)).detail())
			.isEqualTo("The device has no relay.");
		expectError(QubeErrorCode.RELAY_NOT_AVAILABLE, 417, () -> this.qube.setMode(noRelay, Mode.PREPAID));
		expectError(QubeErrorCode.RELAY_NOT_AVAILABLE, 417, () -> this.qube.setMode(noRelay, Mode.RELAY_OFF));
		assertThat(this.http.state(noRelay).get("mode").asString()).isEqualTo("MEASUREMENT");
	}

	@Test
	void switchingOnInRelayOffOrMeasurementModeIsInvalidState417() {
		assertThat(this.qube.setMode(this.device, Mode.RELAY_OFF).outcome()).isEqualTo(WriteOutcome.VERIFIED);
		assertThat(this.qube.metrics(this.device).relayState()).isFalse();
		expectError(QubeErrorCode.INVALID_STATE, 417, () -> this.qube.setRelay(this.device, true));
		assertThat(this.qube.setMode(this.device, Mode.MEASUREMENT).outcome()).isEqualTo(WriteOutcome.VERIFIED);
		expectError(QubeErrorCode.INVALID_STATE, 417, () -> this.qube.setRelay(this.device, true));
		// Switching off is always allowed.
		assertThat(this.qube.setRelay(this.device, false).outcome()).isEqualTo(WriteOutcome.VERIFIED);
		assertThat(this.http.state(this.device).get("relay_state").asBoolean()).isFalse();
	}

	@Test
	void switchingOnAnEmptyPrepaidMeterIsInsufficientBalance417() {
		assertThat(this.qube.setBalance(this.device, 0).outcome()).isEqualTo(WriteOutcome.VERIFIED);
		assertThat(this.qube.metrics(this.device).relayState()).isFalse();
		expectError(QubeErrorCode.INSUFFICIENT_BALANCE, 417, () -> this.qube.setRelay(this.device, true));
		assertThat(this.http.state(this.device).get("relay_state").asBoolean()).isFalse();
	}

	@Test
	void otherTrailingSlashFormIsNotFound404() {
		assertExactErrorEnvelope(this.http.get(this.fleet.key(), "/api/v2/devices/" + this.device + "/metrics/"), 404,
				QubeErrorCode.NOT_FOUND, "Not found.");
		RecordingHttpClient slashes = RecordingHttpClient.rewriting(RecordingHttpClient.otherSlashForm());
		QubeClient client = client(this.fleet.key(), slashes);
		String d = "/api/v2/devices/" + this.device;
		expectError(QubeErrorCode.NOT_FOUND, 404, client::spaces);
		expectError(QubeErrorCode.NOT_FOUND, 404, () -> client.space(spaceOf(this.fleet, this.device)));
		expectError(QubeErrorCode.NOT_FOUND, 404, () -> client.device(this.device));
		expectError(QubeErrorCode.NOT_FOUND, 404, () -> client.metrics(this.device));
		expectError(QubeErrorCode.NOT_FOUND, 404,
				() -> client.history(this.device, "energy", simDate(), simDate(), HistoryInterval.ONE_DAY));
		expectError(QubeErrorCode.NOT_FOUND, 404, () -> client.setRelay(this.device, false));
		assertThat(slashes.exchanges()).extracting(RecordingHttpClient.Exchange::path)
			.containsExactly("/api/v2/spaces", "/api/v2/spaces/" + spaceOf(this.fleet, this.device), d, d + "/metrics/",
					d + "/metrics/history/", d + "/relay");
		assertThat(slashes.statuses()).containsOnly(404);
		assertThat(this.http.state(this.device).get("manual_off").asBoolean()).isFalse();
	}

	@Test
	void wrongMethodIsMethodNotAllowed405() {
		assertExactErrorEnvelope(
				this.http.send(this.fleet.key(), "DELETE", "/api/v2/devices/" + this.device + "/", null), 405,
				QubeErrorCode.METHOD_NOT_ALLOWED, "Method \"DELETE\" not allowed.");
		assertMethodNotAllowed("POST", (client) -> client.spaces());
		assertMethodNotAllowed("DELETE", (client) -> client.device(this.device));
		assertMethodNotAllowed("PUT", (client) -> client.metrics(this.device));
		assertMethodNotAllowed("GET", (client) -> client.setBalance(this.device, 1));
		assertThat(this.http.state(this.device).get("balance").asLong()).isNotEqualTo(1);
	}

	/**
	 * Sends one client call with its HTTP method swapped on the wire and checks it fails
	 * with a final 405 after a single exchange.
	 */
	private void assertMethodNotAllowed(String method, Consumer<QubeClient> call) {
		UnaryOperator<HttpRequest> rewrite = RecordingHttpClient.withMethod(method);
		RecordingHttpClient transport = RecordingHttpClient.rewriting(rewrite);
		QubeClient client = client(this.fleet.key(), transport);
		expectError(QubeErrorCode.METHOD_NOT_ALLOWED, 405, () -> call.accept(client));
		assertThat(transport.exchanges()).singleElement().satisfies((exchange) -> {
			assertThat(exchange.method()).isEqualTo(method);
			assertThat(exchange.status()).isEqualTo(405);
		});
	}

	/**
	 * Checks a raw answer is exactly the documented error envelope (REFERENCE 5.1):
	 * {@code success}, {@code error{code, detail}} and a UTC millisecond timestamp,
	 * nothing else, and that its code maps to the client's typed code.
	 */
	private static void assertExactErrorEnvelope(SandboxHttp.Response response, int status, QubeErrorCode code,
			String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode body = response.json();
		String timestamp = body.path("timestamp").asString();
		assertThat(timestamp).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		ObjectNode expected = SandboxHttp.JSON.createObjectNode();
		expected.put("success", false);
		expected.putObject("error").put("code", code.wireValue()).put("detail", detail);
		expected.put("timestamp", timestamp);
		assertThat(body).isEqualTo(expected);
		assertThat(QubeErrorCode.fromWire(body.get("error").get("code").asString())).isEqualTo(code);
	}

}
