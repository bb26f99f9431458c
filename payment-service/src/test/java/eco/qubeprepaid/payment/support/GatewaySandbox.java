package eco.qubeprepaid.payment.support;

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
 * The real sandbox (its payment gateway simulator) started once per test JVM on a random
 * 127.0.0.1 port, with the credentials payment-service's defaults use.
 */
public final class GatewaySandbox {

	/** The webhook secret the sandbox signs with and payment-service accepts first. */
	public static final String WEBHOOK_SECRET = "sandbox-webhook-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static volatile GatewaySandbox instance;

	private final String baseUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	private GatewaySandbox(ConfigurableApplicationContext context) {
		this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * @return the sandbox of this JVM, started on first use
	 */
	public static GatewaySandbox get() {
		GatewaySandbox current = instance;
		if (current == null) {
			synchronized (GatewaySandbox.class) {
				current = instance;
				if (current == null) {
					current = new GatewaySandbox(start());
					instance = current;
				}
			}
		}
		return current;
	}

	private static ConfigurableApplicationContext start() {
		// payment-service's application.yml and infrastructure are on the same classpath.
		Map<String, Object> properties = SandboxInServiceJvm.properties("sandbox-in-payment-tests");
		properties.put("sandbox.qube.demo.meters", "2");
		properties.put("sandbox.qube.demo.spaces", "1");
		properties.put("sandbox.qube.demo.api-keys", "pay-key");
		properties.put("sandbox.qube.quickstart.enabled", "false");
		return new SpringApplicationBuilder(SandboxApplication.class).properties(properties).run();
	}

	/**
	 * @return the sandbox's base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Calls an admin endpoint of the gateway simulator.
	 * @param method the method
	 * @param path below {@code /admin/gateway}
	 * @param body the JSON body, or null
	 * @return the answer, which must be 2xx
	 */
	public JsonNode admin(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/admin/gateway" + path))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

	/**
	 * Pays an order as a tenant would at the checkout, successfully.
	 * @param orderId the order
	 * @param webhooks whether the gateway delivers the payment's events
	 * @return the payment
	 */
	public JsonNode pay(String orderId, boolean webhooks) {
		return admin("POST", "/orders/" + orderId + "/pay",
				"{\"method\":\"upi\",\"vpa\":\"tenant@upi\",\"outcome\":\"success\",\"webhooks\":" + webhooks + "}");
	}

	/**
	 * @return the gateway's ground truth
	 */
	public JsonNode truth() {
		return admin("GET", "/truth", null);
	}

}
