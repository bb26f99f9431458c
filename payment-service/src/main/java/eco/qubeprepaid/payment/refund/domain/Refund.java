package eco.qubeprepaid.payment.refund.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A refund an operator asked for.
 *
 * @param refundId payment-service's id (the gateway's idempotency key and receipt, and
 * the wallet movement's key)
 * @param requestKey the operator's {@code Idempotency-Key}
 * @param paymentId the captured payment refunded
 * @param premiseId the premise whose wallet pays it back
 * @param amountPaise the amount
 * @param reason why
 * @param requestedBy who
 * @param overrideFloor whether the operator let it take the wallet below its floor
 * @param status where it is
 * @param gatewayRefundId the gateway's refund id, once sent
 * @param balanceAfterPaise the wallet balance right after the debit, once debited
 * @param lastError the last failure, or null
 * @param attempts the failed attempts so far
 * @param createdAt when it was asked for
 * @param updatedAt when it last moved or failed
 * @param processedAt when the gateway processed it
 */
public record Refund(UUID refundId, String requestKey, String paymentId, String premiseId, long amountPaise,
		String reason, String requestedBy, boolean overrideFloor, RefundStatus status, String gatewayRefundId,
		Long balanceAfterPaise, String lastError, int attempts, Instant createdAt, Instant updatedAt,
		Instant processedAt) {
}
