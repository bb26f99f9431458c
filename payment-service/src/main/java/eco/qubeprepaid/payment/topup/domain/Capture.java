package eco.qubeprepaid.payment.topup.domain;

import java.time.Instant;

/**
 * A top-up's captured payment and what the ledger made of it.
 *
 * @param paymentId the gateway's payment id
 * @param amountPaise the amount captured
 * @param method the method, or null
 * @param capturedAt when the gateway captured it
 * @param settledBy {@code WEBHOOK}, {@code RECONCILIATION} or {@code CHECKOUT_RETURN}
 * @param creditedAt when the ledger credited it, or null until it confirms
 * @param balanceAfterPaise the wallet's balance after the credit, or null
 */
public record Capture(String paymentId, long amountPaise, String method, Instant capturedAt, String settledBy,
		Instant creditedAt, Long balanceAfterPaise) {

}
