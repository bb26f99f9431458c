package eco.qubeprepaid.payment.topup.application;

import java.time.Clock;

import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.gateway.client.GatewayProperties;
import eco.qubeprepaid.payment.gateway.domain.GatewayPayment;
import eco.qubeprepaid.payment.gateway.domain.WebhookEvent;
import eco.qubeprepaid.payment.gateway.domain.WebhookSignature;
import eco.qubeprepaid.payment.gateway.wire.GatewayWire;
import eco.qubeprepaid.payment.refund.application.Refunds;
import eco.qubeprepaid.payment.gateway.wire.MalformedWebhookException;
import eco.qubeprepaid.payment.topup.domain.SettledBy;
import eco.qubeprepaid.payment.topup.domain.WebhookOutcome;
import eco.qubeprepaid.payment.topup.persistence.TopUpStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway's webhooks. The signature is checked over the raw bytes before anything
 * reads them; then, in one transaction, the event id is recorded (a redelivery finds it
 * and changes nothing) and the event applied through {@link Settlement}. A refused
 * webhook changes nothing.
 */
@Service
public class WebhookIntake {

	private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

	/** The counter of webhooks received, by outcome. */
	public static final String METRIC = "payment.webhooks";

	private static final int MAX_EVENT_ID = 100;

	private final WebhookSignature signature;

	private final GatewayWire wire;

	private final TopUpStore store;

	private final Settlement settlement;

	private final Refunds refunds;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MeterRegistry registry;

	public WebhookIntake(GatewayProperties gateway, JsonMapper json, TopUpStore store, Settlement settlement,
			Refunds refunds, TransactionTemplate transactions, Clock clock, MeterRegistry registry) {
		this.refunds = refunds;
		this.signature = new WebhookSignature(gateway.webhookSecrets());
		this.wire = new GatewayWire(json);
		this.store = store;
		this.settlement = settlement;
		this.transactions = transactions;
		this.clock = clock;
		this.registry = registry;
		// The refusals exist from the start at zero, so the signature-failure alert and
		// the
		// webhooks panel read 0 before the first forged or broken webhook.
		for (String outcome : new String[] { "missing_signature", "bad_signature", "credited" }) {
			registry.counter(METRIC, "outcome", outcome);
		}
	}

	/**
	 * Takes one webhook delivery.
	 * @param signatureHeader the signature header, or null
	 * @param eventId the event id header, or null
	 * @param body the raw body
	 * @return what it did
	 * @throws Refusal 401 for a missing or wrong signature, 400 for a missing event id or
	 * a body that is not a gateway event
	 */
	public WebhookOutcome receive(String signatureHeader, String eventId, byte[] body) {
		if (signatureHeader == null || signatureHeader.isBlank()) {
			throw refuse("missing_signature", 401, "Missing signature",
					"The webhook has no X-Razorpay-Signature header");
		}
		if (!this.signature.verifies(body, signatureHeader)) {
			throw refuse("bad_signature", 401, "Bad signature",
					"The webhook's X-Razorpay-Signature does not match its body with any accepted secret");
		}
		if (eventId == null || eventId.isBlank() || eventId.length() > MAX_EVENT_ID) {
			throw refuse("missing_event_id", 400, "Missing event id",
					"The webhook has no X-Razorpay-Event-Id header (1-" + MAX_EVENT_ID + " characters)");
		}
		WebhookEvent event;
		WebhookOutcome outcome;
		try {
			event = this.wire.event(eventId, body);
			// A body found inconsistent half-way rolls the whole transaction back.
			outcome = this.transactions.execute((status) -> apply(event));
		}
		catch (MalformedWebhookException ex) {
			throw refuse("malformed", 400, "Malformed webhook", ex.getMessage());
		}
		count(outcome.name().toLowerCase(java.util.Locale.ROOT));
		if (outcome == WebhookOutcome.IGNORED_EVENT_TYPE || outcome == WebhookOutcome.UNKNOWN_ORDER
				|| outcome == WebhookOutcome.UNKNOWN_REFUND) {
			log.info("Webhook {} ({}) ignored: {}", eventId, event.type(), outcome);
		}
		return outcome;
	}

	private WebhookOutcome apply(WebhookEvent event) {
		GatewayPayment payment = event.payment();
		if (!this.store.recordEvent(event.eventId(), event.type(), (payment != null) ? payment.orderId() : null,
				(payment != null) ? payment.paymentId() : null, this.clock.instant())) {
			return WebhookOutcome.DUPLICATE;
		}
		WebhookOutcome outcome = switch (event.type()) {
			case WebhookEvent.PAYMENT_CAPTURED, WebhookEvent.ORDER_PAID -> captured(event);
			case WebhookEvent.PAYMENT_FAILED -> failed(event);
			case WebhookEvent.PAYMENT_AUTHORIZED -> WebhookOutcome.NO_EFFECT;
			case WebhookEvent.REFUND_PROCESSED, WebhookEvent.REFUND_FAILED -> refunded(event);
			default -> WebhookOutcome.IGNORED_EVENT_TYPE;
		};
		this.store.eventOutcome(event.eventId(), outcome.name());
		return outcome;
	}

	private WebhookOutcome captured(WebhookEvent event) {
		GatewayPayment payment = required(event);
		if (!payment.isCaptured()) {
			throw new MalformedWebhookException(
					event.type() + " carries payment " + payment.paymentId() + " in status " + payment.status());
		}
		return this.settlement.captured(payment, SettledBy.WEBHOOK);
	}

	private WebhookOutcome refunded(WebhookEvent event) {
		if (event.refund() == null) {
			throw new MalformedWebhookException(event.type() + " carries no payload.refund.entity");
		}
		return switch (this.refunds.onGatewayRefund(event.refund())) {
			case MOVED -> WebhookOutcome.REFUND_RECORDED;
			case NO_CHANGE -> WebhookOutcome.NO_EFFECT;
			case UNKNOWN -> WebhookOutcome.UNKNOWN_REFUND;
		};
	}

	private WebhookOutcome failed(WebhookEvent event) {
		GatewayPayment payment = required(event);
		return payment.isFailed() ? this.settlement.failed(payment) : WebhookOutcome.STALE;
	}

	private static GatewayPayment required(WebhookEvent event) {
		if (event.payment() == null) {
			throw new MalformedWebhookException(event.type() + " carries no payload.payment.entity");
		}
		return event.payment();
	}

	private Refusal refuse(String reason, int status, String title, String message) {
		count(reason);
		log.warn("Webhook refused ({}): {}", reason, message);
		return new Refusal(status, title, message);
	}

	private void count(String outcome) {
		this.registry.counter(METRIC, "outcome", outcome).increment();
	}

}
