package eco.qubeprepaid.payment.topup.web;

import java.util.Map;

import eco.qubeprepaid.payment.topup.application.WebhookIntake;
import eco.qubeprepaid.payment.topup.domain.WebhookOutcome;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's webhook endpoint. The body is taken as raw bytes, so that the signature
 * is checked over exactly what was sent. Any 2xx tells the gateway to stop redelivering:
 * an accepted event, a duplicate, or one logged and ignored; a refused one gets a 4xx.
 */
@RestController
public class WebhookController {

	/** The gateway's signature header. */
	public static final String SIGNATURE = "X-Razorpay-Signature";

	/** The gateway's event id header. */
	public static final String EVENT_ID = "X-Razorpay-Event-Id";

	private final WebhookIntake intake;

	WebhookController(WebhookIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/webhooks/gateway", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> receive(@RequestHeader(name = SIGNATURE, required = false) String signature,
			@RequestHeader(name = EVENT_ID, required = false) String eventId,
			@RequestBody(required = false) byte[] body) {
		WebhookOutcome outcome = this.intake.receive(signature, eventId, (body != null) ? body : new byte[0]);
		return Map.of("outcome", outcome.name());
	}

}
