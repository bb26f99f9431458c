package eco.qubeprepaid.payment.refund.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.payment.audit.application.Actor;
import eco.qubeprepaid.payment.audit.application.AuditTrail;
import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.gateway.client.GatewayClient;
import eco.qubeprepaid.payment.gateway.client.GatewayException;
import eco.qubeprepaid.payment.gateway.domain.GatewayRefund;
import eco.qubeprepaid.payment.refund.domain.Refund;
import eco.qubeprepaid.payment.refund.domain.RefundStatus;
import eco.qubeprepaid.payment.refund.domain.RefundablePayment;
import eco.qubeprepaid.payment.refund.persistence.RefundStore;
import eco.qubeprepaid.service.text.Rupees;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient;
import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient.WalletMove;
import eco.qubeprepaid.payment.wallet.client.WalletUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds, full or partial, as an operator asks for them. The request is recorded with
 * its amount reserved on the payment (a CHECK keeps the reserved and refunded total
 * within what was captured) and audited, in one transaction; then each step is taken
 * under the refund's row lock and recorded before the next: the wallet debited by
 * balance-service (never below its floor without the operator's explicit override; the
 * refund's id is the movement's key), the refund sent to the gateway (the refund's id is
 * its idempotency key), processed when the gateway says so. Every remote call is
 * idempotent, so a step that failed or was cut short by a crash is simply taken again by
 * {@link RefundWorker}; a transient failure is retried, never given up. If the gateway
 * refuses the refund for good, the wallet is given the amount back.
 */
@Service
@EnableConfigurationProperties(RefundProperties.class)
public class Refunds {

	/** The counter of refund steps, by outcome. */
	public static final String METRIC = "payment.refunds";

	private static final Logger log = LoggerFactory.getLogger(Refunds.class);

	private static final int MAX_STEPS = 4;

	private final RefundStore store;

	private final BalanceServiceClient wallet;

	private final GatewayClient gateway;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final RefundProperties properties;

	private final Clock clock;

	private final MeterRegistry registry;

	public Refunds(RefundStore store, BalanceServiceClient wallet, GatewayClient gateway, AuditTrail audit,
			TransactionTemplate transactions, RefundProperties properties, Clock clock, MeterRegistry registry) {
		this.store = store;
		this.wallet = wallet;
		this.gateway = gateway;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.registry = registry;
		// Every step's count exists from the start at zero (docs/metrics.md lists them).
		for (String outcome : new String[] { "requested", "debited", "sent", "processed", "refused", "retry",
				"gateway-refused", "gateway-failed", "reversed" }) {
			registry.counter(METRIC, "outcome", outcome);
		}
	}

	/**
	 * Asks for a refund and takes its steps as far as they go now.
	 * @param request the operator's request
	 * @param actor who
	 * @return the refund, wherever it got to
	 * @throws Refusal 400/404/409 when it cannot be asked for (nothing was written)
	 */
	public Refund request(Request request, Actor actor) {
		UUID refundId = this.transactions.execute((status) -> record(request, actor));
		advance(refundId);
		return get(refundId);
	}

	/**
	 * @param refundId a refund
	 * @return it
	 * @throws Refusal 404 if there is none
	 */
	public Refund get(UUID refundId) {
		return this.store.find(refundId)
			.orElseThrow(() -> Refusal.notFound("Unknown refund", "There is no refund " + refundId));
	}

	/**
	 * @param requestKey an operator's {@code Idempotency-Key}
	 * @return the refund asked for under it, if any
	 */
	public Optional<Refund> byKey(String requestKey) {
		return this.store.findByKey(requestKey);
	}

	/**
	 * @return the smallest refund the gateway takes, in paise
	 */
	public long minimumPaise() {
		return this.properties.minPaise();
	}

	/**
	 * @param paymentId a payment
	 * @return its refunds, oldest first
	 */
	public List<Refund> ofPayment(String paymentId) {
		return this.store.ofPayment(paymentId);
	}

	/**
	 * @param premiseId a premise
	 * @param limit the most
	 * @return its captured payments with what is refunded of each, newest first
	 */
	public List<RefundablePayment> paymentsOf(String premiseId, int limit) {
		return this.store.paymentsOf(premiseId, limit);
	}

	/**
	 * Takes a refund's steps until it is finished or a step cannot be taken just now.
	 * @param refundId the refund
	 */
	public void advance(UUID refundId) {
		for (int i = 0; i < MAX_STEPS; i++) {
			Boolean moved = this.transactions.execute((status) -> step(refundId));
			if (!Boolean.TRUE.equals(moved)) {
				return;
			}
		}
	}

	/**
	 * The gateway's word that a refund reached the payer, or that it gave up on it.
	 * @param refund the gateway's refund
	 * @return whether it was one of ours (an unknown refund is logged and changes
	 * nothing)
	 */
	public Outcome onGatewayRefund(GatewayRefund refund) {
		UUID ours = parse(refund.receipt());
		Optional<Refund> found = this.store.lockByGateway(refund.refundId(), ours);
		if (found.isEmpty()) {
			log.warn(
					"The gateway reports refund {} of payment {} ({} paise), which payment-service did not make:"
							+ " its amount was not taken from any wallet",
					refund.refundId(), refund.paymentId(), refund.amountPaise());
			return Outcome.UNKNOWN;
		}
		Refund ourRefund = found.get();
		Instant now = this.clock.instant();
		if (refund.isProcessed() && ourRefund.status().canMoveTo(RefundStatus.PROCESSED)) {
			this.store.move(ourRefund.refundId(), ourRefund.status(), RefundStatus.PROCESSED, refund.refundId(), null,
					null, now, now);
			count("processed");
			return Outcome.MOVED;
		}
		if (refund.isFailed() && ourRefund.status().canMoveTo(RefundStatus.REVERSING)) {
			this.store.move(ourRefund.refundId(), ourRefund.status(), RefundStatus.REVERSING, refund.refundId(), null,
					"the gateway reports the refund failed", null, now);
			count("gateway-failed");
			return Outcome.MOVED;
		}
		return Outcome.NO_CHANGE;
	}

	private UUID record(Request request, Actor actor) {
		RefundablePayment payment = this.store.lockPayment(request.paymentId())
			.orElseThrow(() -> Refusal.notFound("Unknown payment",
					"No captured payment " + request.paymentId() + " is recorded here"));
		Optional<Refund> earlier = this.store.findByKey(request.requestKey());
		long amount = (request.amountPaise() != null) ? request.amountPaise() : payment.refundablePaise();
		if (earlier.isPresent()) {
			Refund refund = earlier.get();
			if (!refund.paymentId().equals(payment.paymentId())
					|| (request.amountPaise() != null && refund.amountPaise() != request.amountPaise())) {
				throw new Refusal(409, "Idempotency-Key already used",
						"Idempotency-Key '" + request.requestKey() + "' was used for a refund of "
								+ Rupees.format(refund.amountPaise()) + " of " + refund.paymentId()
								+ "; use a new key for a new refund");
			}
			return refund.refundId();
		}
		if (amount < this.properties.minPaise()) {
			throw Refusal.badRequest("Amount too small", (request.amountPaise() == null && amount == 0)
					? "Payment " + payment.paymentId() + " is refunded in full already" : "A refund is at least "
							+ Rupees.format(this.properties.minPaise()) + "; asked for " + Rupees.format(amount));
		}
		if (amount > payment.refundablePaise()) {
			throw new Refusal(409, "More than can be refunded",
					"Payment " + payment.paymentId() + " was " + Rupees.format(payment.amountPaise()) + ", of which "
							+ Rupees.format(payment.refundedPaise()) + " is refunded or being refunded; at most "
							+ Rupees.format(payment.refundablePaise()) + " can still be, not " + Rupees.format(amount));
		}
		Instant now = this.clock.instant();
		Refund refund = new Refund(UUID.randomUUID(), request.requestKey(), payment.paymentId(), payment.premiseId(),
				amount, request.reason(), actor.name(), request.overrideFloor(), RefundStatus.REQUESTED, null, null,
				null, 0, now, now, null);
		this.store.insert(refund);
		this.store.addRefunded(payment.paymentId(), amount);
		this.audit.record(actor.name(), actor.kind(), "refund.requested", payment.premiseId(), request.reason(),
				"refund " + refund.refundId() + " of " + Rupees.format(amount) + " of payment " + payment.paymentId()
						+ (request.overrideFloor() ? ", the wallet's floor overridden" : ""));
		count("requested");
		return refund.refundId();
	}

	private boolean step(UUID refundId) {
		Optional<Refund> locked = this.store.lockUnlessBusy(refundId);
		if (locked.isEmpty() || !locked.get().status().unfinished()) {
			return false;
		}
		Refund refund = locked.get();
		Instant now = this.clock.instant();
		try {
			return switch (refund.status()) {
				case REQUESTED -> debit(refund, now);
				case DEBITED -> send(refund, now);
				case SENT -> follow(refund, now);
				case REVERSING -> reverse(refund, now);
				default -> false;
			};
		}
		catch (WalletUnavailableException | GatewayException ex) {
			boolean permanent = ex instanceof GatewayException gatewayFailure && !gatewayFailure.isTransient();
			if (permanent) {
				// The gateway refused the refund itself: give the wallet its money back.
				this.store.move(refundId, refund.status(), RefundStatus.REVERSING, null, null, ex.getMessage(), null,
						now);
				count("gateway-refused");
				log.warn("The gateway refused refund {} of {}: {}; giving the wallet the amount back", refundId,
						refund.paymentId(), ex.getMessage());
				return true;
			}
			this.store.failedAttempt(refundId, ex.getMessage(), now);
			count("retry");
			log.info("Refund {} ({}) will be tried again: {}", refundId, refund.status(), ex.getMessage());
			return false;
		}
	}

	private boolean debit(Refund refund, Instant now) {
		WalletMove move = this.wallet.debitForRefund(refund.premiseId(), refund.refundId(), refund.amountPaise(),
				refund.reason(), refund.requestedBy(), refund.overrideFloor());
		if (move.moved()) {
			this.store.move(refund.refundId(), RefundStatus.REQUESTED, RefundStatus.DEBITED, null,
					move.balanceAfterPaise(), null, null, now);
			count("debited");
			return true;
		}
		this.store.move(refund.refundId(), RefundStatus.REQUESTED, RefundStatus.REFUSED, null, null, move.refusal(),
				null, now);
		this.store.addRefunded(refund.paymentId(), -refund.amountPaise());
		this.audit.record("payment-service", AuditTrail.OPERATOR, "refund.refused", refund.premiseId(), refund.reason(),
				"refund " + refund.refundId() + ": " + move.refusal());
		count("refused");
		log.info("Refund {} of {} refused by the wallet ({}): {}", refund.refundId(), refund.paymentId(), move.code(),
				move.refusal());
		return false;
	}

	private boolean send(Refund refund, Instant now) {
		GatewayRefund sent = this.gateway.refund(refund.paymentId(), refund.refundId(), refund.amountPaise());
		RefundStatus next = sent.isProcessed() ? RefundStatus.PROCESSED : RefundStatus.SENT;
		this.store.move(refund.refundId(), RefundStatus.DEBITED, next, sent.refundId(), null, null,
				sent.isProcessed() ? now : null, now);
		count(sent.isProcessed() ? "processed" : "sent");
		return false;
	}

	/** A refund the gateway accepted whose outcome has not come: asks the gateway. */
	private boolean follow(Refund refund, Instant now) {
		GatewayRefund found = this.gateway.fetchRefund(refund.gatewayRefundId());
		if (found.isProcessed()) {
			this.store.move(refund.refundId(), RefundStatus.SENT, RefundStatus.PROCESSED, null, null, null, now, now);
			count("processed");
		}
		else if (found.isFailed()) {
			this.store.move(refund.refundId(), RefundStatus.SENT, RefundStatus.REVERSING, null, null,
					"the gateway reports the refund failed", null, now);
			count("gateway-failed");
			return true;
		}
		else {
			this.store.failedAttempt(refund.refundId(), null, now);
		}
		return false;
	}

	private boolean reverse(Refund refund, Instant now) {
		WalletMove move = this.wallet.reverseRefund(refund.premiseId(), refund.refundId(), refund.amountPaise(),
				"the gateway did not refund it: " + refund.lastError());
		if (!move.moved()) {
			// Nothing was taken for it (or another amount): a state to look at, not to
			// guess about. It stays REVERSING and counts in the unfinished gauge.
			this.store.failedAttempt(refund.refundId(), "reversal refused: " + move.refusal(), now);
			log.error("Reversal of refund {} refused by balance-service ({}): {}", refund.refundId(), move.code(),
					move.refusal());
			return false;
		}
		this.store.move(refund.refundId(), RefundStatus.REVERSING, RefundStatus.REVERSED, null,
				move.balanceAfterPaise(), refund.lastError(), null, now);
		this.store.addRefunded(refund.paymentId(), -refund.amountPaise());
		count("reversed");
		return false;
	}

	private void count(String outcome) {
		this.registry.counter(METRIC, "outcome", outcome).increment();
	}

	private static UUID parse(String receipt) {
		try {
			return (receipt != null) ? UUID.fromString(receipt) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** What the gateway's word on a refund did. */
	public enum Outcome {

		/** The refund moved on (processed, or to be given back). */
		MOVED,
		/** It was there already. */
		NO_CHANGE,
		/** Not a refund payment-service made. */
		UNKNOWN

	}

	/**
	 * An operator's refund request.
	 *
	 * @param paymentId the captured payment
	 * @param amountPaise the amount, or null for all that can still be refunded
	 * @param reason why
	 * @param requestKey the operator's {@code Idempotency-Key}
	 * @param overrideFloor whether the refund may take the wallet below its floor
	 */
	public record Request(String paymentId, Long amountPaise, String reason, String requestKey, boolean overrideFloor) {
	}

}
