package eco.qubeprepaid.sandbox.gateway.checkout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import eco.qubeprepaid.sandbox.gateway.config.GatewaySimulation;
import eco.qubeprepaid.sandbox.gateway.model.GatewayChoices;
import eco.qubeprepaid.sandbox.gateway.model.GatewayException;
import eco.qubeprepaid.sandbox.gateway.model.GatewaySettings;
import eco.qubeprepaid.sandbox.gateway.model.Order;
import eco.qubeprepaid.sandbox.gateway.model.OrderStatus;
import eco.qubeprepaid.sandbox.gateway.model.Payment;
import eco.qubeprepaid.sandbox.gateway.model.PaymentMethod;
import eco.qubeprepaid.sandbox.gateway.model.Signatures;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hosted checkout the tenant's browser opens (no credentials): {@code GET} shows the
 * payment form of an order, {@code POST} (the form) pays, fails or abandons it and
 * answers 303 to the merchant's {@code callback_url} with the contract's query
 * parameters. Refusals are HTML pages: 404 for an unknown order, 400 for bad input.
 */
@RestController
@RequestMapping("/checkout")
public class CheckoutController {

	private static final Log logger = LogFactory.getLog(CheckoutController.class);

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final GatewaySimulation simulation;

	public CheckoutController(GatewaySimulation simulation) {
		this.simulation = simulation;
	}

	/** The payment form (or the already-paid page). */
	@GetMapping("/{order_id}")
	public ResponseEntity<String> page(@PathVariable("order_id") String orderId,
			@RequestParam(name = "callback_url", required = false) String callbackUrl) {
		Order order = this.simulation.gateway().order(orderId);
		String callback = checkCallback(callbackUrl);
		if (order.status() == OrderStatus.PAID) {
			return html(200, CheckoutPages.alreadyPaid(order, this.simulation.merchantName(), callback));
		}
		return html(200, CheckoutPages.form(order, this.simulation.merchantName(), callback));
	}

	/** The form's submission: outcome success, failure or abandon. */
	@PostMapping("/{order_id}")
	public ResponseEntity<String> submit(@PathVariable("order_id") String orderId,
			@RequestParam(name = "method", required = false) String methodName,
			@RequestParam(name = "vpa", required = false) String vpa,
			@RequestParam(name = "outcome", required = false) String outcome,
			@RequestParam(name = "callback_url", required = false) String callbackUrl) {
		Order order = this.simulation.gateway().order(orderId);
		String callback = checkCallback(callbackUrl);
		Map<String, String> query = new LinkedHashMap<>();
		if ("abandon".equals(outcome)) {
			query.put("error[code]", GatewayChoices.BAD_REQUEST_ERROR);
			query.put("error[reason]", GatewayChoices.REASON_PAYMENT_CANCELLED);
			query.put("error[metadata][order_id]", order.id());
			return redirect(callback, query);
		}
		if (!"success".equals(outcome) && !"failure".equals(outcome)) {
			throw GatewayException.badRequest("outcome", GatewayChoices.TEXT_CHECKOUT_OUTCOME);
		}
		PaymentMethod method = PaymentMethod.parse((methodName != null) ? methodName : GatewayChoices.DEFAULT_METHOD);
		if (method == null) {
			throw GatewayException.badRequest("method", GatewayChoices.TEXT_METHOD);
		}
		if (order.status() == OrderStatus.PAID) {
			return html(409, CheckoutPages.alreadyPaid(order, this.simulation.merchantName(), callback));
		}
		boolean success = "success".equals(outcome);
		Payment payment = this.simulation.gateway().pay(order.id(), method, vpa, success, true);
		if (success) {
			query.put("razorpay_payment_id", payment.id());
			query.put("razorpay_order_id", order.id());
			query.put("razorpay_signature",
					Signatures.paymentSignature(this.simulation.keySecret(), order.id(), payment.id()));
		}
		else {
			query.put("error[code]", GatewayChoices.BAD_REQUEST_ERROR);
			query.put("error[reason]", GatewayChoices.REASON_PAYMENT_FAILED);
			query.put("error[metadata][order_id]", order.id());
			query.put("error[metadata][payment_id]", payment.id());
		}
		return redirect(callback, query);
	}

	/** Any other checkout path: a 404 page. */
	@RequestMapping({ "", "/**" })
	public ResponseEntity<String> unknown() {
		return html(404, CheckoutPages.error("Page not found", "There is no checkout page here.", null));
	}

	@ExceptionHandler(GatewayException.class)
	ResponseEntity<String> refused(GatewayException ex, HttpServletRequest request) {
		if (ex.httpStatus() == 404) {
			return html(404, CheckoutPages.error("Order not found",
					"This payment link is not valid: the order does not exist.", null));
		}
		String back = ("POST".equals(request.getMethod()) && ex.field() != null && !"callback_url".equals(ex.field()))
				? formUrl(request) : null;
		return html(ex.httpStatus(), CheckoutPages.error("Cannot continue", ex.description(), back));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> unexpected(Exception ex, HttpServletRequest request) {
		logger.error("Unexpected failure on " + request.getMethod() + " " + request.getRequestURI(), ex);
		return html(500, CheckoutPages.error("Something went wrong", GatewayChoices.TEXT_SERVER_ERROR, null));
	}

	/** Paise as rupees with two decimals, e.g. {@code ₹200.00} (no digit grouping). */
	static String rupees(long paise) {
		return String.format(Locale.ROOT, "₹%d.%02d", paise / 100, paise % 100);
	}

	/** The callback URL, which must be an absolute http(s) URL. */
	private static String checkCallback(String callbackUrl) {
		if (callbackUrl == null || callbackUrl.isBlank()) {
			throw GatewayException.badRequest("callback_url", GatewayChoices.TEXT_CALLBACK_REQUIRED);
		}
		String url = callbackUrl.trim();
		if (url.length() > GatewayChoices.CALLBACK_URL_MAX_LENGTH || !GatewaySettings.isHttpUrl(url)) {
			throw GatewayException.badRequest("callback_url", GatewayChoices.TEXT_CALLBACK_INVALID);
		}
		return url;
	}

	private static String formUrl(HttpServletRequest request) {
		String callback = request.getParameter("callback_url");
		return request.getRequestURI() + "?callback_url=" + encode((callback != null) ? callback : "");
	}

	/**
	 * 303 to the callback with the parameters appended to its query (before any
	 * fragment).
	 */
	private static ResponseEntity<String> redirect(String callback, Map<String, String> query) {
		int hash = callback.indexOf('#');
		String base = (hash >= 0) ? callback.substring(0, hash) : callback;
		String fragment = (hash >= 0) ? callback.substring(hash) : "";
		StringJoiner params = new StringJoiner("&");
		query.forEach((name, value) -> params.add(encode(name) + "=" + encode(value)));
		String separator = !base.contains("?") ? "?" : (base.endsWith("?") || base.endsWith("&")) ? "" : "&";
		return ResponseEntity.status(303)
			.header(HttpHeaders.LOCATION, base + separator + params + fragment)
			.cacheControl(CacheControl.noStore())
			.build();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static ResponseEntity<String> html(int status, String body) {
		return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore()).body(body);
	}

}
