package eco.qubeprepaid.sandbox.gateway.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import eco.qubeprepaid.sandbox.gateway.config.GatewaySimulation;
import eco.qubeprepaid.sandbox.gateway.model.Gateway;
import eco.qubeprepaid.sandbox.gateway.model.GatewayChoices;
import eco.qubeprepaid.sandbox.gateway.model.GatewayException;
import eco.qubeprepaid.sandbox.gateway.model.RefundRequest;
import eco.qubeprepaid.sandbox.gateway.model.Wire;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's public API ({@code /v1}, Razorpay-shaped): orders, payments, refunds and
 * the settlement report. Credentials were checked by {@link GatewayAuthFilter}; refusals
 * become the error envelope in {@link GatewayApiErrors}.
 */
@RestController
@RequestMapping("/v1")
public class GatewayApiController {

	private final GatewaySimulation simulation;

	private final GatewayRequests requests;

	public GatewayApiController(GatewaySimulation simulation, JsonMapper mapper) {
		this.simulation = simulation;
		this.requests = new GatewayRequests(mapper);
	}

	/** Creates an order. */
	@PostMapping("/orders")
	public Map<String, Object> createOrder(@RequestBody(required = false) String body) {
		JsonNode json = this.requests.object(body, false);
		long amount = GatewayRequests.requiredLong(json, "amount");
		String currency = GatewayRequests.optionalString(json, "currency");
		String receipt = GatewayRequests.optionalString(json, "receipt");
		Map<String, String> notes = GatewayRequests.optionalNotes(json, "notes");
		return Wire.order(gateway().createOrder(amount, currency, receipt, notes));
	}

	/** One order. */
	@GetMapping("/orders/{id}")
	public Map<String, Object> order(@PathVariable("id") String id) {
		return Wire.order(gateway().order(id));
	}

	/** The payments of an order. */
	@GetMapping("/orders/{id}/payments")
	public Map<String, Object> orderPayments(@PathVariable("id") String id) {
		return Wire.collection(gateway().paymentsOf(id).stream().map(Wire::payment).toList());
	}

	/** One payment. */
	@GetMapping("/payments/{id}")
	public Map<String, Object> payment(@PathVariable("id") String id) {
		return Wire.payment(gateway().payment(id));
	}

	/** Refunds a captured payment under the X-Refund-Idempotency key. */
	@PostMapping("/payments/{id}/refund")
	public Map<String, Object> refund(@PathVariable("id") String id,
			@RequestHeader(name = GatewayChoices.IDEMPOTENCY_HEADER, required = false) String idempotencyKey,
			@RequestBody(required = false) String body) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			throw GatewayException.badRequest(null, GatewayChoices.TEXT_IDEMPOTENCY_REQUIRED);
		}
		JsonNode json = this.requests.object(body, true);
		RefundRequest request = new RefundRequest(id, GatewayRequests.optionalLong(json, "amount"),
				GatewayRequests.optionalNotes(json, "notes"), GatewayRequests.optionalString(json, "receipt"));
		return Wire.refund(gateway().refund(idempotencyKey, request));
	}

	/** The refunds of a payment. */
	@GetMapping("/payments/{id}/refunds")
	public Map<String, Object> paymentRefunds(@PathVariable("id") String id) {
		return Wire.collection(gateway().refundsOf(id).stream().map(Wire::refund).toList());
	}

	/** One refund. */
	@GetMapping("/refunds/{id}")
	public Map<String, Object> refundById(@PathVariable("id") String id) {
		return Wire.refund(gateway().refundById(id));
	}

	/**
	 * The settlement report of an IST calendar day ({@code year}, {@code month},
	 * {@code day}); without {@code day}, of the whole IST month.
	 */
	@GetMapping("/settlements/recon/combined")
	public Map<String, Object> settlementReport(@RequestParam(name = "year", required = false) String year,
			@RequestParam(name = "month", required = false) String month,
			@RequestParam(name = "day", required = false) String day) {
		int y = queryInt("year", year);
		int m = queryInt("month", month);
		Integer d = (day != null) ? queryInt("day", day) : null;
		LocalDate from;
		LocalDate to;
		try {
			from = LocalDate.of(y, m, (d != null) ? d : 1);
			to = (d != null) ? from.plusDays(1) : from.plusMonths(1);
		}
		catch (DateTimeException ex) {
			throw GatewayException.badRequest((d != null) ? "day" : "month", GatewayChoices.TEXT_DATE);
		}
		List<Map<String, Object>> items = gateway().settlement(from, to).stream().map(Wire::settlementItem).toList();
		return Wire.collection(items);
	}

	/** Any other {@code /v1} path: 404 in the gateway's envelope. */
	@RequestMapping({ "", "/**" })
	public Map<String, Object> unknown() {
		throw GatewayException.urlNotFound();
	}

	/** A required integer query parameter. */
	private static int queryInt(String field, String value) {
		if (value == null || value.isBlank()) {
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_REQUIRED, field));
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw GatewayException.badRequest(field, String.format(GatewayChoices.TEXT_NOT_INTEGER, field));
		}
	}

	private Gateway gateway() {
		return this.simulation.gateway();
	}

}
