package eco.qubeprepaid.payment.gateway.domain;

/**
 * A webhook event whose signature was verified and whose body was read.
 *
 * @param eventId the gateway's event id (the same on every redelivery)
 * @param type the event type, e.g. {@code payment.captured}
 * @param payment the payment it carries, or null for an event without one
 * @param refund the refund it carries, or null for an event without one
 */
public record WebhookEvent(String eventId, String type, GatewayPayment payment, GatewayRefund refund) {

	/** A payment was captured. */
	public static final String PAYMENT_CAPTURED = "payment.captured";

	/** An order was paid in full (carries its captured payment). */
	public static final String ORDER_PAID = "order.paid";

	/** A payment attempt failed. */
	public static final String PAYMENT_FAILED = "payment.failed";

	/** A refund reached the payer. */
	public static final String REFUND_PROCESSED = "refund.processed";

	/** The gateway gave up on a refund. */
	public static final String REFUND_FAILED = "refund.failed";

	/** A payment was authorized (payments are captured automatically; no effect). */
	public static final String PAYMENT_AUTHORIZED = "payment.authorized";

}
