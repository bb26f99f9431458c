package eco.qubeprepaid.payment.topup.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eco.qubeprepaid.payment.audit.application.Actor;
import eco.qubeprepaid.payment.audit.application.AuditTrail;
import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.tenant.domain.PremiseIds;
import eco.qubeprepaid.payment.gateway.client.GatewayClient;
import eco.qubeprepaid.payment.gateway.client.GatewayException;
import eco.qubeprepaid.payment.gateway.client.GatewayProperties;
import eco.qubeprepaid.payment.topup.domain.AmountRules;
import eco.qubeprepaid.payment.topup.domain.TopUp;
import eco.qubeprepaid.payment.topup.domain.TopUpStatus;
import eco.qubeprepaid.payment.topup.persistence.TopUpStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting a top-up: the amount is checked, the top-up recorded, an order created with
 * the gateway (outside any transaction, so a slow gateway holds no lock), and the
 * checkout page returned for the tenant.
 */
@Service
public class TopUps {

	private static final Logger log = LoggerFactory.getLogger(TopUps.class);

	private final TopUpStore store;

	private final GatewayClient gateway;

	private final GatewayProperties gatewayProperties;

	private final TopUpProperties properties;

	private final AmountRules rules;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AuditTrail audit;

	public TopUps(TopUpStore store, GatewayClient gateway, GatewayProperties gatewayProperties,
			TopUpProperties properties, TransactionTemplate transactions, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.store = store;
		this.gateway = gateway;
		this.gatewayProperties = gatewayProperties;
		this.properties = properties;
		this.rules = new AmountRules(properties.minPaise(), properties.maxPaise(), properties.multiplePaise());
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Starts a top-up.
	 * @param premiseId the premise to credit
	 * @param amountPaise the amount
	 * @param actor who asks (audited with the top-up, in its transaction)
	 * @return the open top-up and where to send the tenant
	 * @throws Refusal 400 for a bad premise id or amount, 503 if the gateway cannot be
	 * reached (the top-up is then closed as {@code ORDER_FAILED}; nobody was charged)
	 */
	public Started start(String premiseId, long amountPaise, Actor actor) {
		if (!PremiseIds.isValid(premiseId)) {
			throw Refusal.badRequest("Bad premise id", PremiseIds.RULE);
		}
		this.rules.problemWith(amountPaise).ifPresent((problem) -> {
			throw Refusal.badRequest("Amount not accepted", problem);
		});
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		TopUp topUp = new TopUp(id, premiseId, amountPaise, receiptOf(id), null, TopUpStatus.NEW, null, now, now, null);
		this.transactions.executeWithoutResult((status) -> {
			this.store.insert(topUp);
			this.audit.record(actor.name(), actor.kind(), "top-up.start", premiseId, null,
					"top-up " + id + " of " + amountPaise + " paise");
		});
		String orderId;
		try {
			orderId = this.gateway.createOrder(amountPaise, topUp.receipt(),
					Map.of("premise_id", premiseId, "top_up_id", id.toString()));
		}
		catch (GatewayException ex) {
			this.transactions.executeWithoutResult((status) -> this.store.move(id, TopUpStatus.ORDER_FAILED,
					ex.getMessage(), null, this.clock.instant()));
			log.warn("Top-up {} for {} not started: {}", id, premiseId, ex.getMessage());
			throw new Refusal(ex.isTransient() ? 503 : 502, "Payment gateway unavailable",
					"The payment gateway could not take the order; nobody was charged. Please try again. ("
							+ ex.getMessage() + ")");
		}
		this.transactions.executeWithoutResult((status) -> this.store.open(id, orderId, this.clock.instant()));
		TopUp open = this.store.find(id).orElseThrow();
		return new Started(open, checkoutOf(open));
	}

	/**
	 * Reads a top-up.
	 * @param topUpId its id
	 * @return it
	 * @throws Refusal 404 if there is none
	 */
	public TopUp get(UUID topUpId) {
		return this.store.find(topUpId)
			.orElseThrow(() -> Refusal.notFound("Unknown top-up", "There is no top-up " + topUpId));
	}

	/**
	 * Reads a premise's recent top-ups, newest first.
	 * @param premiseId the premise
	 * @param limit the most
	 * @return them
	 */
	public List<TopUp> ofPremise(String premiseId, int limit) {
		return this.store.ofPremise(premiseId, limit);
	}

	/**
	 * @param topUp an open top-up
	 * @return its checkout page, which sends the tenant back to the return URL
	 */
	public String checkoutOf(TopUp topUp) {
		String back = this.properties.returnUrl().replace("{top_up_id}", topUp.topUpId().toString());
		return this.gatewayProperties.checkoutOf(topUp.orderId()) + "?callback_url="
				+ URLEncoder.encode(back, StandardCharsets.UTF_8);
	}

	/** A receipt of at most 40 characters, unique because the id is. */
	private static String receiptOf(UUID id) {
		return "tu_" + id.toString().replace("-", "");
	}

	/**
	 * A started top-up.
	 *
	 * @param topUp the top-up, {@code OPEN}
	 * @param checkoutUrl where to send the tenant
	 */
	public record Started(TopUp topUp, String checkoutUrl) {

	}

}
