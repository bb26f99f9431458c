package eco.qubeprepaid.payment.refund.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.payment.audit.application.Actor;
import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.refund.application.Refunds;
import eco.qubeprepaid.payment.refund.domain.Refund;
import eco.qubeprepaid.payment.refund.domain.RefundablePayment;
import eco.qubeprepaid.service.text.Rupees;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments and refunds in the operator API: a premise's captured payments with what is
 * refunded of each, and refunds (full or partial, with a reason and an
 * {@code Idempotency-Key}). A refund answers 201 once the gateway has it, 202 while a
 * step waits for balance-service or the gateway (it is retried), and 409 when it was
 * refused (the wallet's floor) or the gateway refused it (the wallet given the amount
 * back).
 */
@RestController
public class RefundController {

	private final Refunds refunds;

	RefundController(Refunds refunds) {
		this.refunds = refunds;
	}

	@PostMapping("/api/payments/{paymentId}/refunds")
	ResponseEntity<Object> refund(@PathVariable String paymentId,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody RefundRequest request,
			Principal operator) {
		if (key == null || key.isBlank() || key.length() > 100) {
			throw Refusal.badRequest("Missing Idempotency-Key", "The Idempotency-Key header is required (1-100"
					+ " characters, new for each refund), so that sending the same request again refunds once");
		}
		if (request.reason() == null || request.reason().isBlank()) {
			throw Refusal.badRequest("Missing reason", "reason is required (why the money goes back, for the audit)");
		}
		if (request.amountPaise() != null && request.amountPaise() <= 0) {
			throw Refusal.badRequest("Bad amount",
					"amountPaise must be a whole number of paise more than zero, or left out for all that can still"
							+ " be refunded (was " + request.amountPaise() + ")");
		}
		Refund refund = this.refunds.request(
				new Refunds.Request(paymentId, request.amountPaise(), request.reason().trim(), key.trim(),
						Boolean.TRUE.equals(request.overrideFloor())),
				Actor.operator(operator.getName(), request.operator()));
		RefundView view = RefundView.of(refund);
		URI location = URI.create("/api/refunds/" + refund.refundId());
		return switch (refund.status()) {
			case SENT, PROCESSED -> ResponseEntity.created(location).body(view);
			case REQUESTED, DEBITED -> ResponseEntity.accepted().location(location).body(view);
			case REFUSED ->
				problem("Refund refused", "The refund was refused and nothing was taken: " + refund.lastError(), view);
			case REVERSING, REVERSED -> problem("The gateway refused the refund", "The gateway refused the refund ("
					+ refund.lastError() + "); its amount is given back to the wallet", view);
		};
	}

	@GetMapping("/api/payments/{paymentId}/refunds")
	List<RefundView> ofPayment(@PathVariable String paymentId) {
		return this.refunds.ofPayment(paymentId).stream().map(RefundView::of).toList();
	}

	@GetMapping("/api/refunds/{refundId}")
	RefundView get(@PathVariable UUID refundId) {
		return RefundView.of(this.refunds.get(refundId));
	}

	@GetMapping("/api/payments")
	List<PaymentView> payments(@RequestParam String premiseId, @RequestParam(defaultValue = "50") int limit) {
		return this.refunds.paymentsOf(premiseId, Math.max(1, Math.min(limit, 500)))
			.stream()
			.map(PaymentView::of)
			.toList();
	}

	private static ResponseEntity<Object> problem(String title, String detail, RefundView refund) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setTitle(title);
		problem.setProperty("refund", refund);
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/**
	 * @param amountPaise the amount, or null for all that can still be refunded
	 * @param reason why
	 * @param operator who asked, if not the account itself (recorded with the account)
	 * @param overrideFloor {@code true} to let the refund take the wallet below its floor
	 */
	record RefundRequest(Long amountPaise, String reason, String operator, Boolean overrideFloor) {
	}

	/**
	 * A refund as the API shows it.
	 *
	 * @param refundId the id
	 * @param paymentId the payment
	 * @param premiseId the premise
	 * @param amountPaise the amount
	 * @param amount the amount for people
	 * @param status where it is
	 * @param reason why
	 * @param requestedBy who
	 * @param overrideFloor whether the wallet's floor was overridden
	 * @param gatewayRefundId the gateway's id, once sent
	 * @param balanceAfterPaise the wallet balance after the debit
	 * @param lastError the last failure or refusal
	 * @param attempts failed attempts so far
	 * @param createdAt when asked for
	 * @param processedAt when processed by the gateway
	 */
	record RefundView(UUID refundId, String paymentId, String premiseId, long amountPaise, String amount, String status,
			String reason, String requestedBy, boolean overrideFloor, String gatewayRefundId, Long balanceAfterPaise,
			String lastError, int attempts, Instant createdAt, Instant processedAt) {

		static RefundView of(Refund r) {
			return new RefundView(r.refundId(), r.paymentId(), r.premiseId(), r.amountPaise(),
					Rupees.format(r.amountPaise()), r.status().name(), r.reason(), r.requestedBy(), r.overrideFloor(),
					r.gatewayRefundId(), r.balanceAfterPaise(), r.lastError(), r.attempts(), r.createdAt(),
					r.processedAt());
		}

	}

	/**
	 * A captured payment.
	 *
	 * @param paymentId the gateway's id
	 * @param premiseId the premise credited
	 * @param amountPaise the amount
	 * @param refundedPaise refunded or being refunded
	 * @param refundablePaise what can still be refunded
	 * @param method how it was paid
	 * @param capturedAt when captured
	 * @param creditedAt when the ledger credited it
	 */
	record PaymentView(String paymentId, String premiseId, long amountPaise, long refundedPaise, long refundablePaise,
			String method, Instant capturedAt, Instant creditedAt) {

		static PaymentView of(RefundablePayment p) {
			return new PaymentView(p.paymentId(), p.premiseId(), p.amountPaise(), p.refundedPaise(),
					p.refundablePaise(), p.method(), p.capturedAt(), p.creditedAt());
		}

	}

}
