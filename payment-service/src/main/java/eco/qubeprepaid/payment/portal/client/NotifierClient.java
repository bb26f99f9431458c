package eco.qubeprepaid.payment.portal.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Asks notifier-service to send a tenant their sign-in code
 * ({@code POST /api/service/sign-in-codes}, payment-service's service account). The code
 * goes over this call only, never over Kafka, where it would be kept for days.
 */
public class NotifierClient {

	private final NotifierProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	/**
	 * @param properties where notifier-service is
	 * @param json the JSON mapper
	 */
	public NotifierClient(NotifierProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	/**
	 * Sends a code.
	 * @param codeId its id (notifier-service's idempotency key)
	 * @param tenantId the tenant
	 * @param premiseId their premise
	 * @param code the digits
	 * @param expiresAt until when it works
	 * @return whether notifier-service took it (false: away, or it does not know the
	 * tenant yet)
	 */
	public boolean sendSignInCode(UUID codeId, UUID tenantId, String premiseId, String code, Instant expiresAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("codeId", codeId.toString());
		body.put("tenantId", tenantId.toString());
		body.put("premiseId", premiseId);
		body.put("code", code);
		body.put("expiresAt", expiresAt.toString());
		String credentials = this.properties.username() + ":" + this.properties.password();
		HttpRequest request = HttpRequest
			.newBuilder(URI
				.create(this.properties.baseUrl().toString().replaceAll("/+$", "") + "/api/service/sign-in-codes"))
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() / 100 == 2;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
