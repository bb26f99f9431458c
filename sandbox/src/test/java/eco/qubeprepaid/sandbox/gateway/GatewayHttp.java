package eco.qubeprepaid.sandbox.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real-HTTP client of the gateway simulator: the {@code /v1} API with HTTP Basic
 * credentials, the admin API, and the checkout page and form like a browser that does not
 * follow redirects.
 */
public final class GatewayHttp {

	/** The default key id. */
	public static final String KEY_ID = "rzp_test_sandbox";

	/** The default key secret. */
	public static final String KEY_SECRET = "sandbox-key-secret";

	/** The default webhook secret. */
	public static final String WEBHOOK_SECRET = "sandbox-webhook-secret";

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	public GatewayHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** The HTTP Basic header of the credentials. */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** A /v1 call with the default credentials. */
	public SandboxHttp.Response api(String method, String path, String body) {
		return send(method, path, body, Map.of("Authorization", basic(KEY_ID, KEY_SECRET)));
	}

	/** Any call with the given headers and an optional JSON body. */
	public SandboxHttp.Response send(String method, String path, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		return execute(request.build());
	}

	/** An admin call that must answer 200; returns its JSON. */
	public JsonNode admin(String method, String path, String body) {
		SandboxHttp.Response response = send(method, "/admin/gateway" + path, body, Map.of());
		assertThat(response.status()).as("admin %s %s -> %s", method, path, response.body()).isEqualTo(200);
		return response.json();
	}

	/** Creates an order of the amount with a fresh receipt; returns it. */
	public JsonNode createOrder(long amount, String receipt) {
		SandboxHttp.Response response = api("POST", "/v1/orders", "{\"amount\":" + amount
				+ ",\"currency\":\"INR\",\"receipt\":\"" + receipt + "\",\"notes\":{\"premise_id\":\"P-101\"}}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** Pays an order through the admin API; returns the payment. */
	public JsonNode pay(String orderId, String body) {
		return admin("POST", "/orders/" + orderId + "/pay", body);
	}

	/** A browser GET (no credentials). */
	public SandboxHttp.Response browse(String path) {
		return execute(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "text/html")
			.GET()
			.build());
	}

	/** A browser form POST (urlencoded, no credentials, redirects not followed). */
	public SandboxHttp.Response submit(String path, Map<String, String> form) {
		StringJoiner body = new StringJoiner("&");
		form.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
		return execute(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	/** The decoded query parameters of a URL, in order. */
	public static Map<String, String> query(String url) {
		Map<String, String> params = new LinkedHashMap<>();
		String query = URI.create(url).getRawQuery();
		if (query == null) {
			return params;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	/** URL-encodes a query value. */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private SandboxHttp.Response execute(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new SandboxHttp.Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
