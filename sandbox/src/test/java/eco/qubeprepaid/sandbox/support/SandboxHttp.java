package eco.qubeprepaid.sandbox.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small real-HTTP client for the sandbox's public and admin APIs (JDK HttpClient over
 * loopback). Decimals are read as BigDecimal so exact values can be compared.
 */
public final class SandboxHttp {

	/** Decimals as BigDecimal, never double. */
	public static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final AtomicInteger KEYS = new AtomicInteger();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public SandboxHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** A public API GET with the given key (null sends no key header). */
	public Response get(String key, String path) {
		return send(key, "GET", path, null);
	}

	/** A public API PUT with the given key and raw body. */
	public Response put(String key, String path, String body) {
		return send(key, "PUT", path, body);
	}

	/** Any request with the key header (null for none) and an optional raw body. */
	public Response send(String key, String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("X-Qube-API-Key", key);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An admin call that must succeed (2xx); returns the JSON body. */
	public JsonNode admin(String method, String path, String body) {
		Response response = send(null, method, "/admin/qube" + path, body);
		assertThat(response.status()).as("admin %s %s -> %s", method, path, response.body()).isEqualTo(200);
		return response.json();
	}

	/**
	 * Creates a fresh fleet under a new unique key, so each test owns its devices and
	 * budget.
	 */
	public Fleet newFleet(long seed, int meters, int spaces) {
		String key = "it-key-" + KEYS.incrementAndGet();
		JsonNode created = admin("POST", "/fleet", "{\"seed\":" + seed + ",\"meters\":" + meters + ",\"spaces\":"
				+ spaces + ",\"api_keys\":[\"" + key + "\"]}");
		List<String> ids = new ArrayList<>();
		created.get("devices").forEach((d) -> ids.add(d.get("device_id").asString()));
		return new Fleet(key, ids, created.get("devices"));
	}

	/** Moves the paused simulation clock forward. */
	public void advance(long seconds) {
		admin("POST", "/clock/advance", "{\"seconds\":" + seconds + "}");
	}

	/** The admin view of a device's internal state. */
	public JsonNode state(String deviceId) {
		return admin("GET", "/devices/" + deviceId, null);
	}

	/** The ground truth of a device. */
	public JsonNode truth(String deviceId) {
		return admin("GET", "/devices/" + deviceId + "/truth", null);
	}

	/**
	 * A generated fleet.
	 *
	 * @param key the API key that owns it
	 * @param deviceIds its devices in creation order
	 * @param devices the admin answer (device_id, space_id, udf1, api_key)
	 */
	public record Fleet(String key, List<String> deviceIds, JsonNode devices) {
	}

	/**
	 * An HTTP response.
	 *
	 * @param status HTTP status
	 * @param headers response headers
	 * @param body raw body
	 */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/**
		 * Asserts a Qube error envelope with the given status and code; returns the
		 * detail.
		 */
		public String assertError(int expectedStatus, String code) {
			assertThat(this.status).as(this.body).isEqualTo(expectedStatus);
			JsonNode json = json();
			assertThat(json.get("success").asBoolean()).isFalse();
			assertThat(json.get("error").get("code").asString()).isEqualTo(code);
			assertThat(json.has("data")).isFalse();
			assertThat(json.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
			return json.get("error").get("detail").asString();
		}

		/** Asserts a successful envelope and returns its data. */
		public JsonNode assertOk() {
			assertThat(this.status).as(this.body).isEqualTo(200);
			JsonNode json = json();
			assertThat(json.get("success").asBoolean()).isTrue();
			assertThat(json.has("error")).isFalse();
			return json.get("data");
		}

		/** Asserts the answer of a control write: data true and a message. */
		public void assertDone() {
			assertThat(assertOk().asBoolean()).as(this.body).isTrue();
			assertThat(json().get("data").isBoolean()).isTrue();
			assertThat(json().get("message").asString()).isNotBlank();
		}

	}

}
