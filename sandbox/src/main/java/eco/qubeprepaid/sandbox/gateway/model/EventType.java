package eco.qubeprepaid.sandbox.gateway.model;

import java.util.List;

/** The webhook events the sandbox sends, with the entities each contains. */
public enum EventType {

	/** A payment was captured. */
	PAYMENT_CAPTURED("payment.captured", List.of("payment")),

	/** An order was paid (sent after payment.captured). */
	ORDER_PAID("order.paid", List.of("payment", "order")),

	/** A payment failed. */
	PAYMENT_FAILED("payment.failed", List.of("payment")),

	/** A refund was processed. */
	REFUND_PROCESSED("refund.processed", List.of("refund", "payment"));

	private final String wire;

	private final List<String> contains;

	EventType(String wire, List<String> contains) {
		this.wire = wire;
		this.contains = contains;
	}

	/** The wire name, e.g. {@code payment.captured}. */
	public String wire() {
		return this.wire;
	}

	/** The entities in its payload, in wire order. */
	public List<String> contains() {
		return this.contains;
	}

}
