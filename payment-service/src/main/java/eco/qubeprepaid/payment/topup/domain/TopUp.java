package eco.qubeprepaid.payment.topup.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One top-up: an order with the gateway for one premise and amount.
 *
 * @param topUpId our id
 * @param premiseId the premise credited
 * @param amountPaise the amount ordered
 * @param receipt our receipt, unique per order at the gateway
 * @param orderId the gateway's order id (null while {@link TopUpStatus#NEW})
 * @param status where it is
 * @param lastError what the last failed attempt or order call said, or null
 * @param createdAt when it was asked for
 * @param updatedAt when its status last changed
 * @param capturedAt when the gateway captured its payment, or null
 */
public record TopUp(UUID topUpId, String premiseId, long amountPaise, String receipt, String orderId,
		TopUpStatus status, String lastError, Instant createdAt, Instant updatedAt, Instant capturedAt) {

}
