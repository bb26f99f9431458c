package eco.qubeprepaid.sandbox.messaging.api;

import java.util.Map;

import eco.qubeprepaid.sandbox.messaging.config.MessagingSimulation;
import eco.qubeprepaid.sandbox.messaging.model.MessagingException;
import eco.qubeprepaid.sandbox.messaging.model.Messenger;
import eco.qubeprepaid.sandbox.messaging.model.SendOutcome;
import eco.qubeprepaid.sandbox.messaging.model.SendRequest;
import eco.qubeprepaid.sandbox.messaging.model.Wire;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's public API ({@code /messaging/v1}): send a message, read it back. The
 * key was checked by {@link MessagingAuthFilter}; refusals become the error envelope in
 * {@link MessagingApiErrors}. Every send is counted once, by channel and outcome.
 */
@RestController
@RequestMapping("/messaging")
public class MessagingApiController {

	/** The send endpoint. */
	public static final String SEND_PATH = "/messaging/v1/messages";

	private final MessagingSimulation simulation;

	private final MessagingRequests requests;

	public MessagingApiController(MessagingSimulation simulation, JsonMapper mapper) {
		this.simulation = simulation;
		this.requests = new MessagingRequests(mapper);
	}

	/**
	 * Sends a message: 503 during the outage (before the body is even read), 400 for bad
	 * input, 500 for the failure fault, 409 for a reused clientReference with another
	 * payload; 202 for a new message, 200 for a repeat of one.
	 */
	@PostMapping("/v1/messages")
	public ResponseEntity<Map<String, Object>> send(@RequestBody(required = false) String body) {
		String channel = this.requests.channelTag(body);
		Messenger messenger = this.simulation.messenger();
		Messenger.Sent sent;
		try {
			messenger.ensureAvailable();
			JsonNode json = this.requests.object(body);
			SendRequest request = SendRequest.of(MessagingRequests.optionalString(json, "channel"),
					MessagingRequests.optionalString(json, "to"), MessagingRequests.optionalString(json, "body"),
					MessagingRequests.optionalString(json, "clientReference"));
			sent = messenger.send(request);
		}
		catch (MessagingException ex) {
			this.simulation.count(channel, ex.outcome());
			throw ex;
		}
		catch (RuntimeException ex) {
			this.simulation.count(channel, SendOutcome.FAILED);
			throw ex;
		}
		this.simulation.count(channel, sent.duplicate() ? SendOutcome.DUPLICATE : SendOutcome.ACCEPTED);
		return ResponseEntity.status(sent.duplicate() ? 200 : 202).body(Wire.sendAnswer(sent.message()));
	}

	/** One message with its status now. */
	@GetMapping("/v1/messages/{messageId}")
	public Map<String, Object> message(@PathVariable("messageId") String messageId) {
		return Wire.message(this.simulation.messenger().message(messageId));
	}

	/** Any other {@code /messaging} path or method: 404 in the provider's envelope. */
	@RequestMapping({ "", "/**" })
	public Map<String, Object> unknown() {
		throw MessagingException.urlNotFound();
	}

}
