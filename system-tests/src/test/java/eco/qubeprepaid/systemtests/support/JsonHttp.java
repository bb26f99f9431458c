package eco.qubeprepaid.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for the system tests: the sandbox's admin and public APIs
 * and the services' REST APIs, all on 127.0.0.1. Any answer outside 2xx fails loudly with
 * its body, so a test never goes on after a refused call.
 */
public final class JsonHttp {

	// Decimals stay exact (energy in Wh or kWh), never doubles.
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Sends a request.
	 * @param method the HTTP method
	 * @param url the full URL
	 * @param body the JSON body, or {@code null}
	 * @param headers extra headers
	 * @return the parsed answer ({@code null} node for an empty body)
	 */
	public JsonNode send(String method, String url, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(
						method + " " + url + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + url + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + url + " interrupted", ex);
		}
	}

	/**
	 * GETs a URL.
	 * @param url the URL
	 * @return the parsed answer
	 */
	public JsonNode get(String url) {
		return send("GET", url, null, Map.of());
	}

}
