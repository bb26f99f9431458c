package eco.qubeprepaid.payment.gateway.domain;

/**
 * A refund as the gateway reports it (its answer to a refund request, or a webhook).
 *
 * @param refundId the gateway's refund id
 * @param paymentId the payment refunded
 * @param amountPaise the amount, in paise
 * @param status {@code pending}, {@code processed} or {@code failed}
 * @param receipt our receipt: payment-service's refund id
 */
public record GatewayRefund(String refundId, String paymentId, long amountPaise, String status, String receipt) {

	/**
	 * @return whether the money has gone back to the payer
	 */
	public boolean isProcessed() {
		return "processed".equals(this.status);
	}

	/**
	 * @return whether the gateway gave up on it
	 */
	public boolean isFailed() {
		return "failed".equals(this.status);
	}

}
