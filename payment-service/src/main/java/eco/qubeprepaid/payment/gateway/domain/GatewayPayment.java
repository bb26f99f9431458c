package eco.qubeprepaid.payment.gateway.domain;

import java.time.Instant;

/**
 * A payment as the gateway reports it (in a webhook or from its fetch API).
 *
 * @param paymentId the gateway's payment id
 * @param orderId the order it pays
 * @param amountPaise the amount, in paise
 * @param currency the currency (only {@code INR} is credited)
 * @param status the gateway's status: {@code created}, {@code authorized},
 * {@code captured}, {@code refunded} or {@code failed}
 * @param method {@code upi}, {@code card}, {@code netbanking}, … or null
 * @param capturedAt when it was captured, or null
 * @param error the gateway's error description of a failed payment, or null
 * @param errorReason the gateway's short reason token of a failed payment (its
 * {@code error_reason}, e.g. {@code payment_declined}), or null
 */
public record GatewayPayment(String paymentId, String orderId, long amountPaise, String currency, String status,
		String method, Instant capturedAt, String error, String errorReason) {

	/** The only currency credited to a wallet. */
	public static final String INR = "INR";

	/**
	 * Whether the gateway holds the money: captured, or captured and since refunded (a
	 * refund is a separate, later movement of its own).
	 * @return whether the payment was captured
	 */
	public boolean isCaptured() {
		return "captured".equals(this.status) || "refunded".equals(this.status);
	}

	/**
	 * @return whether the payment failed
	 */
	public boolean isFailed() {
		return "failed".equals(this.status);
	}

}
