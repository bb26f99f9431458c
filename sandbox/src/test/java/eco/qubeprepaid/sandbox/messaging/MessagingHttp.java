package eco.qubeprepaid.sandbox.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import eco.qubeprepaid.sandbox.support.SandboxHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real-HTTP client of the messaging provider simulator: the {@code /messaging/v1} API
 * with the Bearer key, and the admin API.
 */
public final class MessagingHttp {

	/** The default API key. */
	public static final String API_KEY = "sandbox-messaging-key";

	/** The default receipt signing secret. */
	public static final String RECEIPT_SECRET = "sandbox-receipt-secret";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public MessagingHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** A send with the default key and the raw JSON body. */
	public SandboxHttp.Response send(String body) {
		return api("POST", "/messaging/v1/messages", body);
	}

	/** A send of the fields with the default key. */
	public SandboxHttp.Response send(String channel, String to, String text, String clientReference) {
		return send(body(channel, to, text, clientReference));
	}

	/** A fetch of one message with the default key. */
	public SandboxHttp.Response fetch(String messageId) {
		return api("GET", "/messaging/v1/messages/" + messageId, null);
	}

	/** A /messaging call with the default key. */
	public SandboxHttp.Response api(String method, String path, String body) {
		return request(method, path, body, Map.of("Authorization", "Bearer " + API_KEY));
	}

	/** Any call with the given headers and an optional JSON body. */
	public SandboxHttp.Response request(String method, String path, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.client.send(request.build(),
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

	/** An admin call that must answer 200; returns its JSON. */
	public JsonNode admin(String method, String path, String body) {
		SandboxHttp.Response response = request(method, "/admin/messaging" + path, body, Map.of());
		assertThat(response.status()).as("admin %s %s -> %s", method, path, response.body()).isEqualTo(200);
		return response.json();
	}

	/** The JSON body of a send; a null field is left out. */
	public static String body(String channel, String to, String text, String clientReference) {
		StringBuilder json = new StringBuilder("{");
		field(json, "channel", channel);
		field(json, "to", to);
		field(json, "body", text);
		field(json, "clientReference", clientReference);
		return json.append('}').toString();
	}

	/**
	 * Asserts the provider's error envelope with the status and code; returns the
	 * message.
	 */
	public static String assertError(SandboxHttp.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode error = response.json().get("error");
		assertThat(error.get("code").asString()).as(response.body()).isEqualTo(code);
		assertThat(error.get("message").asString()).isNotBlank();
		assertThat(response.json().propertyNames()).containsExactly("error");
		return error.get("message").asString();
	}

	private static void field(StringBuilder json, String name, String value) {
		if (value == null) {
			return;
		}
		if (json.length() > 1) {
			json.append(',');
		}
		json.append('"').append(name).append("\":").append(SandboxHttp.JSON.writeValueAsString(value));
	}

}
