package eco.qubeprepaid.notifier.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import eco.qubeprepaid.sandbox.SandboxApplication;
import eco.qubeprepaid.testsupport.SandboxInServiceJvm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real sandbox (its SMS/WhatsApp provider simulator) started once per test JVM on a
 * random 127.0.0.1 port, with the credentials notifier-service's defaults use.
 */
public final class MessagingSandbox {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static volatile MessagingSandbox instance;

	private final String baseUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	private MessagingSandbox(ConfigurableApplicationContext context) {
		this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * @return the sandbox of this JVM, started on first use
	 */
	public static synchronized MessagingSandbox get() {
		if (instance == null) {
			Map<String, Object> properties = SandboxInServiceJvm.properties("sandbox-in-notifier-tests");
			properties.put("sandbox.qube.demo.meters", "1");
			properties.put("sandbox.qube.demo.spaces", "1");
			properties.put("sandbox.qube.demo.api-keys", "notifier-key");
			properties.put("sandbox.qube.quickstart.enabled", "false");
			instance = new MessagingSandbox(
					new SpringApplicationBuilder(SandboxApplication.class).properties(properties).run());
		}
		return instance;
	}

	/**
	 * @return its base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Calls the provider simulator's admin API.
	 * @param method the method
	 * @param path below {@code /admin/messaging}
	 * @param body JSON, or null
	 * @return the answer, which must be 2xx
	 */
	public JsonNode admin(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/admin/messaging" + path))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(
						method + " " + path + " -> " + response.statusCode() + ": " + response.body());
			}
			return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
