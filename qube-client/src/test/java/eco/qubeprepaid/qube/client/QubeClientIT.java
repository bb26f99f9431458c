package eco.qubeprepaid.qube.client;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eco.qubeprepaid.qube.client.ScriptedQubeServer.Request;
import eco.qubeprepaid.qube.client.ScriptedQubeServer.Response;
import eco.qubeprepaid.qube.client.budget.RateBudgetRegistry;
import eco.qubeprepaid.qube.client.budget.RetryPolicy;
import eco.qubeprepaid.qube.client.budget.SystemBudgetTimer;
import eco.qubeprepaid.qube.client.model.DeviceMetrics;
import eco.qubeprepaid.qube.client.model.HistoryInterval;
import eco.qubeprepaid.qube.client.model.MetadataUpdate;
import eco.qubeprepaid.qube.client.model.Mode;
import eco.qubeprepaid.qube.client.model.Tariff;
import eco.qubeprepaid.qube.client.model.VerifiedWrite;
import eco.qubeprepaid.qube.client.model.WriteOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client over real HTTP against a scripted server on 127.0.0.1.
 */
class QubeClientIT {

	private static final String DEVICE = "QUBE-ONE-5EED00000101";

	private static final String METRICS_PATH = "/api/v2/devices/QUBE-ONE-5EED00000101/metrics";

	private static final String METRICS_OK = """
			{"device_id": "QUBE-ONE-5EED00000101", "eb_tariff": 600, "dg_tariff": 900, "active_tariff": 1,
			 "energy": 1234.56, "active_power": 2500.0, "voltage": 230.5, "balance": 50000,
			 "relay_state": false, "mode": "RELAY_OFF", "pg_enabled": true}""";

	private final List<Duration> backoffs = new CopyOnWriteArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private ScriptedQubeServer server;

	private QubeClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new ScriptedQubeServer();
		QubeClientConfig config = QubeClientConfig.builder("it-secret-key")
			.baseUrl(this.server.baseUrl())
			.keyName("it-key")
			.timeouts(Duration.ofSeconds(2), Duration.ofMillis(400))
			.retry(new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 5))
			.verification(2, Duration.ZERO)
			.build();
		this.client = QubeClient.builder(config)
			.budgetRegistry(new RateBudgetRegistry(SystemBudgetTimer.system()))
			.meterRegistry(this.meters)
			.sleeper(this.backoffs::add)
			.build();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void readIsRetriedOnServerErrorsThenSucceeds() {
		this.server.script("GET", METRICS_PATH, Response.error(500, "internal_error", "boom"),
				Response.json(502, "<html>Bad Gateway</html>"), Response.ok(METRICS_OK));

		DeviceMetrics metrics = this.client.metrics(DEVICE);

		assertThat(metrics.balance()).isEqualTo(50000L);
		assertThat(this.server.requests("GET", METRICS_PATH)).hasSize(3);
		assertThat(this.backoffs).hasSize(2);
		assertThat(this.backoffs.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(10));
		assertThat(this.backoffs.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(20));
		assertThat(requestCount("server_error")).isEqualTo(1.0);
		assertThat(requestCount("protocol_error")).isEqualTo(1.0);
		assertThat(requestCount("success")).isEqualTo(1.0);
	}

	@Test
	void readGivesUpAfterMaxAttemptsWithTheTypedServerError() {
		this.server.script("GET", METRICS_PATH, Response.error(500, "internal_error", "still broken"));

		assertThatExceptionOfType(QubeApiException.class).isThrownBy(() -> this.client.metrics(DEVICE))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(QubeErrorCode.INTERNAL_ERROR);
				assertThat(ex.httpStatus()).isEqualTo(500);
			});
		assertThat(this.server.requests("GET", METRICS_PATH)).hasSize(5);
	}

	@Test
	void clientErrorsAreTypedByCodeAndNeverRetried() {
		String devicePath = "/api/v2/devices/QUBE-ONE-5EED00000101/";
		this.server.script("GET", devicePath, Response.error(400, "device_not_found", "You are not allowed"));
		this.server.script("GET", METRICS_PATH, Response.error(417, "device_offline", "Device is offline"));
		this.server.script("GET", "/api/v2/spaces/", Response.error(401, "authentication_error", "bad key"));

		assertThatExceptionOfType(QubeApiException.class).isThrownBy(() -> this.client.device(DEVICE))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(QubeErrorCode.DEVICE_NOT_FOUND))
			.withMessage("E4 get device for device QUBE-ONE-5EED00000101 failed with device_not_found (HTTP 400): "
					+ "You are not allowed");
		assertThatExceptionOfType(QubeApiException.class).isThrownBy(() -> this.client.metrics(DEVICE))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(QubeErrorCode.DEVICE_OFFLINE));
		assertThatExceptionOfType(QubeApiException.class).isThrownBy(() -> this.client.spaces())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(QubeErrorCode.AUTHENTICATION_ERROR));
		assertThat(this.server.requests()).hasSize(3);
		assertThat(this.backoffs).isEmpty();
	}

	@Test
	void garbledSuccessResponseIsAClearProtocolError() {
		this.server.script("GET", METRICS_PATH, Response.json(200, "{\"success\": tru"));

		assertThatExceptionOfType(QubeProtocolException.class).isThrownBy(() -> this.client.metrics(DEVICE))
			.withMessageContaining(
					"E5 get metrics for device QUBE-ONE-5EED00000101 got an unreadable response (HTTP 200)");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void rateLimitedCallWaitsForRetryAfterThenSucceeds() {
		this.server.script("GET", METRICS_PATH,
				Response.error(429, "rate_limit_exceeded", "slow down").withHeader("Retry-After", "1"),
				Response.ok(METRICS_OK));

		DeviceMetrics metrics = this.client.metrics(DEVICE);

		assertThat(metrics.mode()).isEqualTo(Mode.RELAY_OFF);
		List<Request> requests = this.server.requests("GET", METRICS_PATH);
		assertThat(requests).hasSize(2);
		long gapMillis = TimeUnit.NANOSECONDS.toMillis(requests.get(1).arrivalNanos() - requests.get(0).arrivalNanos());
		assertThat(gapMillis).as("the retry waited for Retry-After").isGreaterThanOrEqualTo(1000);
		assertThat(this.meters.get("qube.api.rate.limited").tag("key", "it-key").counter().count()).isEqualTo(1.0);
		assertThat(this.backoffs).as("a 429 is paced by Retry-After, not by backoff").isEmpty();
	}

	@Test
	void bare429FromAProxyWithoutAnEnvelopeIsStillTreatedAsRateLimited() {
		this.server.script("GET", METRICS_PATH,
				new Response(429, Map.of("Content-Type", "text/html"), "<html>Too Many Requests</html>", false)
					.withHeader("Retry-After", "1"),
				Response.ok(METRICS_OK));

		assertThat(this.client.metrics(DEVICE).mode()).isEqualTo(Mode.RELAY_OFF);
		assertThat(this.server.requests("GET", METRICS_PATH)).hasSize(2);
		assertThat(this.meters.get("qube.api.rate.limited").tag("key", "it-key").counter().count()).isEqualTo(1.0);
	}

	@Test
	void rateLimitIsRecognisedByErrorCodeNotOnlyByStatus() {
		// A gateway in front of the API might relay the error with another status; the
		// code decides.
		this.server.script("GET", METRICS_PATH,
				Response.error(503, "rate_limit_exceeded", "slow down").withHeader("Retry-After", "1"),
				Response.ok(METRICS_OK));

		assertThat(this.client.metrics(DEVICE).mode()).isEqualTo(Mode.RELAY_OFF);
		assertThat(this.meters.get("qube.api.rate.limited").tag("key", "it-key").counter().count()).isEqualTo(1.0);
		assertThat(this.backoffs).as("paced by Retry-After, not by backoff").isEmpty();
	}

	@Test
	void timedOutWriteIsVerifiedByReadBackAndNotResentWhenTheStateWasReached() {
		String relayPath = "/api/v2/devices/QUBE-ONE-5EED00000101/relay/";
		this.server.script("PUT", relayPath, Response.hang());
		this.server.script("GET", METRICS_PATH, Response.ok(METRICS_OK));

		VerifiedWrite<Boolean> result = this.client.setRelay(DEVICE, false);

		assertThat(result.outcome()).isEqualTo(WriteOutcome.VERIFIED);
		assertThat(result.observed()).isFalse();
		assertThat(result.sends()).isEqualTo(1);
		assertThat(this.server.requests("PUT", relayPath)).hasSize(1);
		assertThat(requestCount("timeout")).isEqualTo(1.0);
	}

	@Test
	void timedOutWriteIsResentOnlyBecauseTheReadBackShowsTheStateNotReached() {
		String balancePath = "/api/v2/devices/QUBE-ONE-5EED00000101/balance/";
		this.server.script("PUT", balancePath, Response.hang(), Response.ok("true"));
		this.server.script("GET", METRICS_PATH, Response.ok(METRICS_OK.replace("50000", "1200")),
				Response.ok(METRICS_OK));

		VerifiedWrite<Long> result = this.client.setBalance(DEVICE, 50000);

		assertThat(result.isVerified()).isTrue();
		assertThat(result.sends()).isEqualTo(2);
		assertThat(this.server.requests("PUT", balancePath)).extracting(Request::body)
			.containsExactly("{\"balance\":50000}", "{\"balance\":50000}");
		assertThat(this.backoffs).hasSize(1);
	}

	@Test
	void writeWhoseReadBackDisagreesIsAMismatchNotASuccess() {
		String balancePath = "/api/v2/devices/QUBE-ONE-5EED00000101/balance/";
		this.server.script("PUT", balancePath, Response.ok("true"));
		this.server.script("GET", METRICS_PATH, Response.ok(METRICS_OK.replace("50000", "4000")));

		VerifiedWrite<Long> result = this.client.setBalance(DEVICE, 50000);

		assertThat(result.outcome()).isEqualTo(WriteOutcome.MISMATCH);
		assertThat(result.observed()).isEqualTo(4000L);
		assertThat(result.detail()).isEqualTo("after 2 read-backs the device reports 4000 instead of 50000");
		assertThat(this.server.requests("PUT", balancePath)).hasSize(1);
		assertThat(this.server.requests("GET", METRICS_PATH)).hasSize(2);
	}

	@Test
	void sendsTheApiKeyAndTheExactDocumentedPathsAndBodies() {
		String spaceJson = "{\"space_id\": 123, \"name\": \"My Building\", \"devices\": []}";
		String odd = "QUBE-ONE-A/B C";
		String oddDevice = "/api/v2/devices/QUBE-ONE-A%2FB%20C/";
		String device = "/api/v2/devices/QUBE-ONE-5EED00000101/";
		this.server.script("GET", "/api/v2/spaces/", Response.ok("[" + spaceJson + "]"));
		this.server.script("GET", "/api/v2/spaces/123/", Response.ok(spaceJson));
		this.server.script("PUT", "/api/v2/spaces/123/", Response.ok(spaceJson));
		this.server.script("GET", oddDevice, Response.ok("{\"device_id\": \"QUBE-ONE-A/B C\", \"readings\": []}"));
		this.server.script("GET", METRICS_PATH, Response.ok(METRICS_OK));
		this.server.script("GET", METRICS_PATH + "/history", Response
			.ok("{\"device_id\": \"x\", \"from_date\": \"2025-09-01\", \"to_date\": \"2025-09-07\", \"readings\": []}"));
		for (String op : List.of("", "relay/", "mode/", "balance/", "tariff/", "wifi/")) {
			this.server.script("PUT", device + op, Response.ok("true"));
		}

		this.client.spaces();
		this.client.space(123);
		assertThat(this.client.updateSpace(123, MetadataUpdate.builder().name("HQ").udf(1, "region-north").build())
			.confirmed()).isTrue();
		this.client.device(odd);
		this.client.metrics(DEVICE);
		this.client.history(DEVICE, "energy", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 7),
				HistoryInterval.ONE_DAY);
		this.client.updateDevice(DEVICE, MetadataUpdate.builder().udf(2, null).build());
		assertThat(this.client.setRelay(DEVICE, false).isVerified()).isTrue();
		assertThat(this.client.setMode(DEVICE, Mode.RELAY_OFF).isVerified()).isTrue();
		assertThat(this.client.setBalance(DEVICE, 50000).isVerified()).isTrue();
		assertThat(this.client.setTariff(DEVICE, new Tariff(600L, null)).isVerified()).isTrue();
		assertThat(this.client.setWifi(DEVICE, "flat-101", "s3cret").confirmed()).isTrue();

		assertThat(this.server.requests()).extracting((request) -> request.method() + " " + request.pathAndQuery())
			.containsExactly("GET /api/v2/spaces/", "GET /api/v2/spaces/123/", "PUT /api/v2/spaces/123/",
					"GET " + oddDevice, "GET " + METRICS_PATH,
					"GET " + METRICS_PATH
							+ "/history?property_id=energy&from_date=2025-09-01&to_date=2025-09-07&interval=1d",
					"PUT " + device, "PUT " + device + "relay/", "GET " + METRICS_PATH, "PUT " + device + "mode/",
					"GET " + METRICS_PATH, "PUT " + device + "balance/", "GET " + METRICS_PATH,
					"PUT " + device + "tariff/", "GET " + METRICS_PATH, "PUT " + device + "wifi/");
		assertThat(this.server.requests())
			.allSatisfy((request) -> assertThat(request.apiKey()).isEqualTo("it-secret-key"));
		assertThat(this.server.requests()).filteredOn((request) -> request.method().equals("PUT"))
			.extracting(Request::body)
			.containsExactly("{\"name\":\"HQ\",\"udf1\":\"region-north\"}", "{\"udf2\":null}",
					"{\"relay_state\":false}", "{\"mode\":\"relay_off\"}", "{\"balance\":50000}", "{\"eb_tariff\":600}",
					"{\"ssid\":\"flat-101\",\"password\":\"s3cret\"}");
		assertThat(this.meters.get("qube.api.requests")
			.tag("operation", "set_balance")
			.tag("outcome", "success")
			.counter()
			.count()).isEqualTo(1.0);
		assertThat(this.meters.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags())
			.noneMatch((tag) -> tag.getValue().contains("it-secret-key")));
	}

	private double requestCount(String outcome) {
		return this.meters.find("qube.api.requests")
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
