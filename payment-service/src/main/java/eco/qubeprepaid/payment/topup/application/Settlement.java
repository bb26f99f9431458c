package eco.qubeprepaid.payment.topup.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.events.TopUpCaptured;
import eco.qubeprepaid.events.TopUpFailed;
import eco.qubeprepaid.payment.gateway.client.GatewayProperties;
import eco.qubeprepaid.payment.gateway.domain.GatewayPayment;
import eco.qubeprepaid.payment.topup.domain.Capture;
import eco.qubeprepaid.payment.topup.domain.SettledBy;
import eco.qubeprepaid.payment.topup.domain.TopUp;
import eco.qubeprepaid.payment.topup.domain.TopUpStatus;
import eco.qubeprepaid.payment.topup.domain.WebhookOutcome;
import eco.qubeprepaid.payment.topup.persistence.TopUpStore;
import eco.qubeprepaid.service.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path by which a payment's outcome reaches a top-up, whoever reports it (a
 * webhook or reconciliation). A captured payment is recorded once (the primary key on its
 * payment id) and its {@code TopUpCaptured} appended to the outbox in the same
 * transaction; a failure is recorded only on a top-up that is still unpaid.
 */
@Service
public class Settlement {

	private static final Logger log = LoggerFactory.getLogger(Settlement.class);

	private final TopUpStore store;

	private final Outbox outbox;

	private final GatewayProperties gateway;

	private final Clock clock;

	public Settlement(TopUpStore store, Outbox outbox, GatewayProperties gateway, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.gateway = gateway;
		this.clock = clock;
	}

	/**
	 * Applies a captured payment, once.
	 * @param payment the payment (captured)
	 * @param settledBy what reported it
	 * @return what it did
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public WebhookOutcome captured(GatewayPayment payment, SettledBy settledBy) {
		Optional<TopUp> found = this.store.lockByOrder(payment.orderId());
		if (found.isEmpty()) {
			log.warn("Captured payment {} of order {} is for no top-up of ours; ignored", payment.paymentId(),
					payment.orderId());
			return WebhookOutcome.UNKNOWN_ORDER;
		}
		TopUp topUp = found.get();
		if (!GatewayPayment.INR.equals(payment.currency())) {
			log.error("Captured payment {} of top-up {} is in {}, not INR; not credited", payment.paymentId(),
					topUp.topUpId(), payment.currency());
			return WebhookOutcome.UNSUPPORTED_CURRENCY;
		}
		Instant now = this.clock.instant();
		Instant capturedAt = (payment.capturedAt() != null) ? payment.capturedAt() : now;
		UUID creditEvent = UUID.randomUUID();
		if (!this.store.recordCapture(payment.paymentId(), topUp, payment.amountPaise(), payment.method(), capturedAt,
				settledBy, creditEvent, now)) {
			return WebhookOutcome.ALREADY_CAPTURED;
		}
		if (payment.amountPaise() != topUp.amountPaise()) {
			// The tenant's money is theirs whatever was ordered: the amount captured is
			// credited.
			log.warn("Payment {} captured {} paise for top-up {} of {} paise; crediting what was captured",
					payment.paymentId(), payment.amountPaise(), topUp.topUpId(), topUp.amountPaise());
		}
		if (topUp.status().canMoveTo(TopUpStatus.CAPTURED)) {
			this.store.move(topUp.topUpId(), TopUpStatus.CAPTURED, null, capturedAt, now);
		}
		this.outbox.append(new TopUpCaptured(creditEvent, now, topUp.premiseId(), payment.paymentId(),
				payment.amountPaise(), this.gateway.name(), capturedAt));
		log.info("Top-up {}: payment {} of {} paise captured for {} ({})", topUp.topUpId(), payment.paymentId(),
				payment.amountPaise(), topUp.premiseId(), settledBy);
		return WebhookOutcome.CREDITED;
	}

	/**
	 * Reads the top-ups that nothing has settled yet, asked for before a moment.
	 * @param before asked for before this
	 * @param limit the most
	 * @return them, oldest first
	 */
	@Transactional(readOnly = true)
	public List<TopUp> unsettledBefore(Instant before, int limit) {
		return this.store.unsettledBefore(before, limit);
	}

	/**
	 * Settles a top-up from the gateway's own list of its order's payments: each captured
	 * one through {@link #captured} (so a payment a webhook already reported changes
	 * nothing), and a top-up with none captured closed once it is older than its life.
	 * @param topUp the top-up
	 * @param payments the gateway's payments of its order
	 * @param expireBefore a top-up asked for before this with nothing captured expires
	 * @return how many payments were credited now
	 */
	@Transactional
	public int reconcile(TopUp topUp, List<GatewayPayment> payments, Instant expireBefore) {
		return settleFrom(topUp, payments, expireBefore, SettledBy.RECONCILIATION);
	}

	/**
	 * Settles a top-up from its order's payments fetched when the tenant came back from
	 * the checkout, so the credit need not wait for the webhook.
	 * @param topUp the top-up
	 * @param payments the gateway's payments of its order
	 * @return how many payments were credited now
	 */
	@Transactional
	public int settleOnReturn(TopUp topUp, List<GatewayPayment> payments) {
		return settleFrom(topUp, payments, Instant.MIN, SettledBy.CHECKOUT_RETURN);
	}

	/**
	 * @param from the first instant, inclusive
	 * @param to the last instant, exclusive
	 * @return the payments captured in that range (by capture time): payment id → amount
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, Long> capturedBetween(Instant from, Instant to) {
		return this.store.capturedBetween(from, to);
	}

	/**
	 * Settles payments the gateway reports captured (its fetch API's view), each through
	 * {@link #captured}: what a webhook already reported changes nothing.
	 * @param payments the gateway's payments
	 * @return how many were credited now
	 */
	@Transactional
	public int settleReported(List<GatewayPayment> payments) {
		int credited = 0;
		for (GatewayPayment payment : payments) {
			if (payment.isCaptured() && captured(payment, SettledBy.RECONCILIATION) == WebhookOutcome.CREDITED) {
				credited++;
			}
		}
		return credited;
	}

	/**
	 * Records the ledger's confirmation of a top-up's credit.
	 * @param paymentId the payment credited
	 * @param balanceAfterPaise the balance after the credit
	 * @param at when the ledger credited it
	 * @return whether it was a payment of ours not confirmed before
	 */
	@Transactional
	public boolean confirmCredited(String paymentId, long balanceAfterPaise, Instant at) {
		return this.store.confirmCredited(paymentId, balanceAfterPaise, at);
	}

	/**
	 * @param topUpId a top-up
	 * @return its captured payment, once captured
	 */
	@Transactional(readOnly = true)
	public Optional<Capture> captureOf(UUID topUpId) {
		return this.store.captureOf(topUpId);
	}

	/**
	 * @param before captured before this
	 * @return how many captured payments the ledger has not confirmed yet
	 */
	@Transactional(readOnly = true)
	public int uncreditedBefore(Instant before) {
		return this.store.uncreditedBefore(before);
	}

	private int settleFrom(TopUp topUp, List<GatewayPayment> payments, Instant expireBefore, SettledBy settledBy) {
		int credited = 0;
		boolean anyCaptured = false;
		for (GatewayPayment payment : payments) {
			if (!payment.orderId().equals(topUp.orderId())) {
				continue;
			}
			if (payment.isCaptured()) {
				anyCaptured = true;
				if (captured(payment, settledBy) == WebhookOutcome.CREDITED) {
					credited++;
				}
			}
		}
		if (!anyCaptured && topUp.createdAt().isBefore(expireBefore)) {
			Optional<TopUp> current = (topUp.orderId() != null) ? this.store.lockByOrder(topUp.orderId())
					: this.store.find(topUp.topUpId());
			TopUpStatus next = (topUp.orderId() != null) ? TopUpStatus.EXPIRED : TopUpStatus.ORDER_FAILED;
			if (current.isPresent() && current.get().status().canMoveTo(next)) {
				this.store.move(topUp.topUpId(), next, "Nothing was captured within the top-up's life", null,
						this.clock.instant());
			}
		}
		return credited;
	}

	/**
	 * Records a failed payment attempt on a top-up that is still unpaid. The first
	 * failure of a top-up (its move into {@code FAILED}) appends one {@code TopUpFailed}
	 * to the outbox in the same transaction; a later failed attempt on the same order
	 * only updates the error.
	 * @param payment the payment (failed)
	 * @return what it did
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public WebhookOutcome failed(GatewayPayment payment) {
		Optional<TopUp> found = this.store.lockByOrder(payment.orderId());
		if (found.isEmpty()) {
			return WebhookOutcome.UNKNOWN_ORDER;
		}
		TopUp topUp = found.get();
		if (!topUp.status().canMoveTo(TopUpStatus.FAILED)) {
			return WebhookOutcome.STALE;
		}
		Instant now = this.clock.instant();
		String error = (payment.error() != null) ? payment.error() : "The payment failed";
		this.store.move(topUp.topUpId(), TopUpStatus.FAILED, error, null, now);
		if (topUp.status() != TopUpStatus.FAILED) {
			// Statuses only move forward, so a top-up enters FAILED once (under its row
			// lock); the id derived from the top-up is a second guard (outbox event_id is
			// unique).
			this.outbox.append(new TopUpFailed(topUpFailedEventId(topUp.topUpId()), now, topUp.premiseId(),
					topUp.topUpId(), topUp.amountPaise(), failureReason(payment)));
			log.info("Top-up {} of {} paise for {}: payment {} failed ({})", topUp.topUpId(), topUp.amountPaise(),
					topUp.premiseId(), payment.paymentId(), error);
		}
		return WebhookOutcome.FAILURE_RECORDED;
	}

	/**
	 * @param topUpId a top-up
	 * @return the id of its one {@code TopUpFailed}
	 */
	static UUID topUpFailedEventId(UUID topUpId) {
		return UUID.nameUUIDFromBytes(("top-up-failed|" + topUpId).getBytes(StandardCharsets.UTF_8));
	}

	private static String failureReason(GatewayPayment payment) {
		if (payment.errorReason() != null && !payment.errorReason().isBlank()) {
			return payment.errorReason();
		}
		return (payment.error() != null && !payment.error().isBlank()) ? payment.error() : null;
	}

}
