package eco.qubeprepaid.notifier.channel.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import eco.qubeprepaid.notifier.NotifierProperties;
import eco.qubeprepaid.notifier.channel.domain.ChannelName;
import eco.qubeprepaid.notifier.channel.domain.DeliveryChannel;
import eco.qubeprepaid.notifier.channel.domain.Message;
import eco.qubeprepaid.notifier.channel.domain.SendResult;
import eco.qubeprepaid.notifier.channel.domain.WebhookSignature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Operator notices as JSON to the operators' URL, signed: {@code X-QP-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body with the shared secret>}, with the notice id in
 * {@code X-QP-Notice-Id} (the receiver's idempotency key: a notice sent again after a
 * crash carries the same id). 2xx is delivered; 4xx other than 408 and 429 is refused for
 * good; the rest is retried.
 */
@Component
public class OperatorWebhookChannel implements DeliveryChannel {

	/** The signature header. */
	public static final String SIGNATURE_HEADER = "X-QP-Signature";

	/** The notice id header. */
	public static final String NOTICE_ID_HEADER = "X-QP-Notice-Id";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NotifierProperties.Operators settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public OperatorWebhookChannel(NotifierProperties properties) {
		this.settings = properties.operators();
	}

	@Override
	public ChannelName name() {
		return ChannelName.WEBHOOK;
	}

	@Override
	public boolean enabled() {
		return !this.settings.webhookUrl().isBlank();
	}

	@Override
	public SendResult send(Message message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("noticeId", message.noticeId().toString());
		body.put("kind", message.kind());
		body.put("premiseId", message.premiseId());
		body.put("subject", message.subject());
		body.put("text", message.body());
		body.put("createdAt", message.createdAt().toString());
		byte[] payload = JSON.writeValueAsBytes(body);
		HttpRequest request = HttpRequest.newBuilder(URI.create(message.address()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header(NOTICE_ID_HEADER, message.noticeId().toString())
			.header(SIGNATURE_HEADER, "sha256=" + WebhookSignature.hex(this.settings.webhookSecret(), payload))
			.POST(HttpRequest.BodyPublishers.ofByteArray(payload))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status / 100 == 2) {
				return SendResult.sent(null);
			}
			String detail = "HTTP " + status + " from " + message.address();
			return (status / 100 == 4 && status != 408 && status != 429) ? SendResult.refused(detail)
					: SendResult.retry(detail);
		}
		catch (IOException ex) {
			return SendResult.retry("webhook unreachable: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return SendResult.retry("interrupted");
		}
	}

}
