package eco.qubeprepaid.notifier.channel.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import eco.qubeprepaid.notifier.NotifierProperties;
import eco.qubeprepaid.notifier.channel.domain.Message;
import eco.qubeprepaid.notifier.channel.domain.SendResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The SMS/WhatsApp provider's HTTP API ({@code POST /messaging/v1/messages}, bearer key),
 * with the notice id as the client reference: the provider answers a repeat with the
 * message it already has, so a send repeated after a crash is not a second text. 2xx is
 * sent; 400 and 409 are refused for good (a bad number, a reference reused); anything
 * else (401 of a key being rotated, 429, 5xx, a time-out, no connection) is retried.
 */
@Component
public class ProviderClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NotifierProperties.Messaging settings;

	private final HttpClient http;

	public ProviderClient(NotifierProperties properties) {
		this.settings = properties.messaging();
		this.http = HttpClient.newBuilder().connectTimeout(this.settings.timeout()).build();
	}

	/**
	 * @return whether a provider is configured
	 */
	public boolean configured() {
		return !this.settings.baseUrl().isBlank();
	}

	/**
	 * Sends one text.
	 * @param channel {@code sms} or {@code whatsapp}
	 * @param message the message
	 * @return what came of it
	 */
	public SendResult send(String channel, Message message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("channel", channel);
		body.put("to", message.address());
		body.put("body", message.body());
		body.put("clientReference", message.noticeId().toString());
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.settings.baseUrl().replaceAll("/+$", "") + "/messaging/v1/messages"))
			.timeout(this.settings.timeout())
			.header("Authorization", "Bearer " + this.settings.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return SendResult.retry("provider unreachable: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return SendResult.retry("interrupted");
		}
		int status = response.statusCode();
		if (status / 100 == 2) {
			return SendResult.sent(field(response.body(), "messageId"));
		}
		String detail = "HTTP " + status + " from the provider: " + error(response.body());
		return (status == 400 || status == 409) ? SendResult.refused(detail) : SendResult.retry(detail);
	}

	private static String field(String body, String name) {
		try {
			JsonNode node = JSON.readTree(body).path(name);
			return node.isMissingNode() ? null : node.asString();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String error(String body) {
		try {
			JsonNode error = JSON.readTree(body).path("error");
			if (!error.isMissingNode()) {
				return error.path("code").asString() + " (" + error.path("message").asString() + ")";
			}
		}
		catch (RuntimeException ex) {
			// Not JSON: show what came.
		}
		return (body.length() > 200) ? body.substring(0, 200) : body;
	}

}
