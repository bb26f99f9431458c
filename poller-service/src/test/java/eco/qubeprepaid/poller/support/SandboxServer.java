package eco.qubeprepaid.poller.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import eco.qubeprepaid.sandbox.SandboxApplication;
import eco.qubeprepaid.testsupport.SandboxInServiceJvm;
import eco.qubeprepaid.sandbox.qube.config.QubeSimulation;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Qube simulator ({@code sandbox}) started once per test JVM on a random
 * 127.0.0.1 port, in the style of test-support's servers. Its clock runs at real speed so
 * that the poller's clock can follow it; the admin API shapes the world.
 */
public final class SandboxServer {

	/** Keys of the small demo fleet (20 meters each). */
	public static final String[] DEMO_KEYS = { "demo-key-1", "demo-key-2" };

	/** Keys of the soak fleet, created empty at start-up. */
	public static final String[] SOAK_KEYS = { "soak-key-1", "soak-key-2" };

	/**
	 * The key of {@code LedgerBalanceIT} alone: its budget is measured over a window, and
	 * a budget the other tests share is spent in their bursts (a command test's writes
	 * and read-backs), so that such a window could see no poll at all.
	 */
	public static final String LEDGER_KEY = "ledger-key-1";

	private static volatile SandboxServer instance;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private String unidentifiedDeviceId;

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	private SandboxServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * Returns the sandbox of this JVM, starting it on first use.
	 * @return the sandbox
	 */
	public static SandboxServer get() {
		SandboxServer current = instance;
		if (current == null) {
			synchronized (SandboxServer.class) {
				current = instance;
				if (current == null) {
					current = start();
					instance = current;
				}
			}
		}
		return current;
	}

	private static SandboxServer start() {
		// The poller's application.yml and infrastructure are on the same classpath.
		Map<String, Object> properties = SandboxInServiceJvm.properties("sandbox-in-poller-tests");
		properties.put("sandbox.qube.clock.speed", "1");
		properties.put("sandbox.qube.demo.meters", "40");
		properties.put("sandbox.qube.demo.spaces", "4");
		properties.put("sandbox.qube.demo.api-keys", String.join(",", DEMO_KEYS));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SandboxApplication.class)
			.properties(properties)
			.run();
		SandboxServer server = new SandboxServer(context);
		for (String key : SOAK_KEYS) {
			server.admin("POST", "/keys", "{\"api_key\":\"" + key + "\"}");
			server.admin("PUT", "/rate-limit", "{\"requests\":100,\"window_seconds\":6,\"api_key\":\"" + key + "\"}");
		}
		// Fifteen POSTPAID meters with supply for the ledger-feed test, under a key of
		// their own (the sandbox allows more than the poller's budget of that key).
		server.admin("POST", "/fleet", "{\"seed\":15,\"meters\":15,\"spaces\":1,\"mode\":\"postpaid\","
				+ "\"balance_paise\":100000,\"api_keys\":[\"" + LEDGER_KEY + "\"]}");
		server.admin("PUT", "/rate-limit",
				"{\"requests\":100,\"window_seconds\":20,\"api_key\":\"" + LEDGER_KEY + "\"}");
		// The request below is the test's own, outside the poller's budget for
		// demo-key-1, so
		// the sandbox allows one extra request in that key's window; otherwise the
		// poller's
		// first full window would meet one 429 that it did not cause.
		server.admin("PUT", "/rate-limit",
				"{\"requests\":101,\"window_seconds\":60,\"api_key\":\"" + DEMO_KEYS[0] + "\"}");
		// One more space for demo-key-1 with two meters, one of which loses its identity
		// before the poller ever sees it.
		JsonNode created = JSON.readTree(server.admin("POST", "/fleet",
				"{\"seed\":7,\"meters\":2,\"spaces\":1,\"api_keys\":[\"" + DEMO_KEYS[0] + "\"]}"));
		server.unidentifiedDeviceId = created.get("devices").get(0).get("device_id").asString();
		server.api(DEMO_KEYS[0], "PUT", "/devices/" + server.unidentifiedDeviceId + "/", "{\"udf1\":null}");
		return server;
	}

	/**
	 * Returns the device created without an identity before the poller started.
	 * @return its device id
	 */
	public String unidentifiedDeviceId() {
		return this.unidentifiedDeviceId;
	}

	/**
	 * Reads a device's internal state through the admin API.
	 * @param deviceId the device
	 * @return the state (snake_case)
	 */
	public JsonNode device(String deviceId) {
		return JSON.readTree(admin("GET", "/devices/" + deviceId, null));
	}

	/**
	 * Parses an admin answer.
	 * @param json the text
	 * @return the tree
	 */
	public static JsonNode json(String json) {
		return JSON.readTree(json);
	}

	/**
	 * Returns the base URL of the public API.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Returns a clock that reads the simulated time (real speed, but it jumps when a test
	 * advances it).
	 * @return the clock, in IST
	 */
	public Clock clock() {
		QubeSimulation simulation = this.context.getBean(QubeSimulation.class);
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneId.of("Asia/Kolkata");
			}

			@Override
			public Clock withZone(ZoneId zone) {
				throw new UnsupportedOperationException("the simulated clock is always IST");
			}

			@Override
			public Instant instant() {
				return simulation.clock().now();
			}

		};
	}

	/**
	 * Counts the public API requests the sandbox received for one endpoint (E1..E6,
	 * P1..P6), every outcome included.
	 * @param endpoint the endpoint tag
	 * @param outcome the outcome tag, or {@code null} for all
	 * @return the count
	 */
	public long requests(String endpoint, String outcome) {
		MeterRegistry meters = this.context.getBean(MeterRegistry.class);
		return (long) meters.find("sandbox.qube.requests")
			.tag("endpoint", endpoint)
			.counters()
			.stream()
			.filter((c) -> outcome == null || outcome.equals(c.getId().getTag("outcome")))
			.mapToDouble((c) -> c.count())
			.sum();
	}

	/**
	 * Counts every public API request refused with 429.
	 * @return the count
	 */
	public long rateLimited() {
		MeterRegistry meters = this.context.getBean(MeterRegistry.class);
		return (long) meters.find("sandbox.qube.rate.limited").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	/**
	 * Calls the admin API.
	 * @param method the method
	 * @param path the path under {@code /admin/qube}
	 * @param json the body, or {@code null}
	 * @return the response body
	 */
	public String admin(String method, String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/admin/qube" + path))
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build();
		return send(request);
	}

	/**
	 * Calls the public API with a key (costs a slot of that key's sandbox limit).
	 * @param apiKey the key
	 * @param method the method
	 * @param path the path from {@code /api/v2}
	 * @param json the body, or {@code null}
	 * @return the response body
	 */
	public String api(String apiKey, String method, String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v2" + path))
			.header("Content-Type", "application/json")
			.header("X-Qube-API-Key", apiKey)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build();
		return send(request);
	}

	private String send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
