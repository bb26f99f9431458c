package eco.qubeprepaid.sandbox.messaging.admin;

import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.sandbox.messaging.api.MessagingRequests;
import eco.qubeprepaid.sandbox.messaging.config.MessagingSimulation;
import eco.qubeprepaid.sandbox.messaging.model.MessagingChoices;
import eco.qubeprepaid.sandbox.messaging.model.MessagingException;
import eco.qubeprepaid.sandbox.messaging.model.MessagingSettings;
import eco.qubeprepaid.sandbox.messaging.model.Wire;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messaging provider simulator's admin API ({@code /admin/messaging/...}, no
 * credentials): runtime faults and receipt settings, every accepted message with the
 * ground truth of its receipt, the send counters and a reset. Refusals use the provider's
 * error envelope (400 {@code invalid_request} or {@code invalid_number}, 404 for unknown
 * ids) and change nothing.
 */
@RestController
@RequestMapping("/admin/messaging")
public class MessagingAdminController {

	/** The settings PUT /config may change. */
	private static final Set<String> SETTINGS = Set.of("outage", "failureRatio", "undeliverableRatio", "blockedNumbers",
			"receiptUrl", "receiptDelayMs");

	private final MessagingSimulation simulation;

	private final MessagingRequests requests;

	public MessagingAdminController(MessagingSimulation simulation, JsonMapper mapper) {
		this.simulation = simulation;
		this.requests = new MessagingRequests(mapper);
	}

	@GetMapping("/config")
	public Map<String, Object> config() {
		return this.simulation.settingsView();
	}

	/**
	 * A partial change of the settings; unknown fields are refused. {@code receiptUrl}
	 * {@code null} or {@code ""} stops receipts; {@code blockedNumbers} replaces the
	 * list.
	 */
	@PutMapping("/config")
	public Map<String, Object> updateConfig(@RequestBody(required = false) String body) {
		JsonNode json = this.requests.object(body);
		for (String name : json.propertyNames()) {
			if (!SETTINGS.contains(name)) {
				throw MessagingException.invalid(String.format(MessagingChoices.TEXT_UNKNOWN_FIELD, name));
			}
		}
		JsonNode url = json.get("receiptUrl");
		String receiptUrl = (url != null && url.isNull()) ? "" : MessagingRequests.optionalString(json, "receiptUrl");
		MessagingSettings.Patch patch = new MessagingSettings.Patch(MessagingRequests.optionalBoolean(json, "outage"),
				MessagingRequests.optionalDouble(json, "failureRatio"),
				MessagingRequests.optionalDouble(json, "undeliverableRatio"),
				MessagingRequests.optionalStrings(json, "blockedNumbers"), receiptUrl,
				MessagingRequests.optionalLong(json, "receiptDelayMs"));
		return this.simulation.updateSettings(patch);
	}

	/**
	 * Every accepted message, oldest first; with {@code to}, only those to that number.
	 */
	@GetMapping("/messages")
	public Map<String, Object> messages(@RequestParam(name = "to", required = false) String to) {
		return Wire.messages(this.simulation.messenger().messages(to).stream().map(Wire::adminMessage).toList());
	}

	/** One message with the ground truth of its receipt. */
	@GetMapping("/messages/{messageId}")
	public Map<String, Object> message(@PathVariable("messageId") String messageId) {
		return Wire.adminMessage(this.simulation.messenger().message(messageId));
	}

	/** Sends answered since start or the last reset, by outcome. */
	@GetMapping("/counters")
	public Map<String, Object> counters() {
		return this.simulation.countersView();
	}

	/**
	 * Forgets every message, pending receipt and count; back to the start-up settings.
	 */
	@PostMapping("/reset")
	public Map<String, Object> reset() {
		this.simulation.reset();
		return this.simulation.settingsView();
	}

	/** Any other admin path: 404 in the provider's envelope. */
	@RequestMapping({ "", "/**" })
	public Map<String, Object> unknown() {
		throw MessagingException.urlNotFound();
	}

}
