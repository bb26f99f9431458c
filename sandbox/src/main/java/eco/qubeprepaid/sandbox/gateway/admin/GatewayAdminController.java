package eco.qubeprepaid.sandbox.gateway.admin;

import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.sandbox.gateway.api.GatewayRequests;
import eco.qubeprepaid.sandbox.gateway.config.GatewaySimulation;
import eco.qubeprepaid.sandbox.gateway.model.GatewayChoices;
import eco.qubeprepaid.sandbox.gateway.model.GatewayException;
import eco.qubeprepaid.sandbox.gateway.model.GatewaySettings;
import eco.qubeprepaid.sandbox.gateway.model.PaymentMethod;
import eco.qubeprepaid.sandbox.gateway.model.Wire;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway simulator's admin API ({@code /admin/gateway/...}, no credentials): runtime
 * settings and faults, paying an order without a browser, replaying an event, the ground
 * truth and a reset. Refusals use the gateway's error envelope (400 with the field, 404
 * for unknown ids) and change nothing.
 */
@RestController
@RequestMapping("/admin/gateway")
public class GatewayAdminController {

	/** The settings PUT /config may change. */
	private static final Set<String> SETTINGS = Set.of("webhook_url", "webhook_secret", "duplicate_ratio", "reorder",
			"min_delay_ms", "max_delay_ms", "failure_ratio", "drop_ratio", "refund_processing_delay_ms",
			"webhook_timeout_ms", "retry_initial_ms", "retry_max_ms", "max_attempts");

	private final GatewaySimulation simulation;

	private final GatewayRequests requests;

	public GatewayAdminController(GatewaySimulation simulation, JsonMapper mapper) {
		this.simulation = simulation;
		this.requests = new GatewayRequests(mapper);
	}

	@GetMapping("/config")
	public Map<String, Object> config() {
		return this.simulation.settingsView();
	}

	/** A partial change of the settings; unknown or read-only fields are refused. */
	@PutMapping("/config")
	public Map<String, Object> updateConfig(@RequestBody(required = false) String body) {
		JsonNode json = this.requests.object(body, false);
		for (String name : json.propertyNames()) {
			if (!SETTINGS.contains(name)) {
				throw GatewayException.badRequest(name, String.format(GatewayChoices.TEXT_UNKNOWN_FIELD, name));
			}
		}
		JsonNode url = json.get("webhook_url");
		String webhookUrl = (url != null && url.isNull()) ? "" : GatewayRequests.optionalString(json, "webhook_url");
		Long maxAttempts = GatewayRequests.optionalLong(json, "max_attempts");
		if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > GatewayChoices.MAX_ATTEMPTS_LIMIT)) {
			throw GatewayException.badRequest("max_attempts", GatewayChoices.TEXT_MAX_ATTEMPTS);
		}
		GatewaySettings.Patch patch = new GatewaySettings.Patch(webhookUrl,
				GatewayRequests.optionalString(json, "webhook_secret"),
				GatewayRequests.optionalDouble(json, "duplicate_ratio"),
				GatewayRequests.optionalBoolean(json, "reorder"), GatewayRequests.optionalLong(json, "min_delay_ms"),
				GatewayRequests.optionalLong(json, "max_delay_ms"),
				GatewayRequests.optionalDouble(json, "failure_ratio"),
				GatewayRequests.optionalDouble(json, "drop_ratio"),
				GatewayRequests.optionalLong(json, "refund_processing_delay_ms"),
				GatewayRequests.optionalLong(json, "webhook_timeout_ms"),
				GatewayRequests.optionalLong(json, "retry_initial_ms"),
				GatewayRequests.optionalLong(json, "retry_max_ms"),
				(maxAttempts != null) ? maxAttempts.intValue() : null);
		return this.simulation.updateSettings(patch);
	}

	/**
	 * Pays an order as the checkout form does: {@code method} (default upi), {@code vpa},
	 * {@code outcome} success (default) or failure, {@code webhooks} (default true; false
	 * suppresses every event of the payment).
	 */
	@PostMapping("/orders/{order_id}/pay")
	public Map<String, Object> pay(@PathVariable("order_id") String orderId,
			@RequestBody(required = false) String body) {
		JsonNode json = this.requests.object(body, true);
		String methodName = GatewayRequests.optionalString(json, "method");
		PaymentMethod method = PaymentMethod.parse((methodName != null) ? methodName : GatewayChoices.DEFAULT_METHOD);
		if (method == null) {
			throw GatewayException.badRequest("method", GatewayChoices.TEXT_METHOD);
		}
		String vpa = GatewayRequests.optionalString(json, "vpa");
		String outcome = GatewayRequests.optionalString(json, "outcome");
		if (outcome != null && !outcome.equals("success") && !outcome.equals("failure")) {
			throw GatewayException.badRequest("outcome", GatewayChoices.TEXT_OUTCOME);
		}
		Boolean webhooks = GatewayRequests.optionalBoolean(json, "webhooks");
		return Wire.payment(this.simulation.gateway()
			.pay(orderId, method, vpa, !"failure".equals(outcome), webhooks == null || webhooks));
	}

	/** Queues another delivery of an event (same id, body and signature). */
	@PostMapping("/events/{event_id}/redeliver")
	public Map<String, Object> redeliver(@PathVariable("event_id") String eventId) {
		return Wire.eventTruth(this.simulation.redeliver(eventId));
	}

	/** The ground truth: every entity, every event with every attempt, totals. */
	@GetMapping("/truth")
	public Map<String, Object> truth() {
		return Wire.truth(this.simulation.gateway().truth());
	}

	/** Forgets everything and returns to the start-up settings. */
	@PostMapping("/reset")
	public Map<String, Object> reset() {
		this.simulation.reset();
		return this.simulation.settingsView();
	}

	/** Any other admin path: 404 in the gateway's envelope. */
	@RequestMapping({ "", "/**" })
	public Map<String, Object> unknown() {
		throw GatewayException.urlNotFound();
	}

}
