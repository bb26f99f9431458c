package eco.qubeprepaid.sandbox.gateway.model;

import java.time.Instant;

/**
 * One line of the settlement report: a captured payment (credit) or a processed refund
 * (debit). The sandbox settles at once: {@code settledAt} is the capture or processing
 * time.
 *
 * @param entityId {@code pay_...} or {@code rfnd_...}
 * @param type {@code payment} or {@code refund}
 * @param amount paise
 * @param fee gateway fee including GST (0 for refunds)
 * @param tax the GST in the fee
 * @param credit paise credited to the merchant (amount - fee), 0 for refunds
 * @param debit paise debited (the refund amount), 0 for payments
 * @param orderId the order
 * @param paymentId the payment
 * @param settledAt when it was settled
 * @param createdAt when the entity was created
 */
public record SettlementItem(String entityId, String type, long amount, long fee, long tax, long credit, long debit,
		String orderId, String paymentId, Instant settledAt, Instant createdAt) {

}
