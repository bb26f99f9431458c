package eco.qubeprepaid.payment.topup.domain;

/** What a webhook event (or a reconciled payment) did. */
public enum WebhookOutcome {

	/** A captured payment was recorded and its credit handed to the ledger. */
	CREDITED,

	/** The payment had been recorded before (another event or reconciliation). */
	ALREADY_CAPTURED,

	/** A failed attempt was recorded on an unpaid top-up. */
	FAILURE_RECORDED,

	/**
	 * The event came after a later state (e.g. a failure after the capture): no effect.
	 */
	STALE,

	/** This event id was received before: nothing changed. */
	DUPLICATE,

	/** The event is about an order payment-service did not create: logged, no effect. */
	UNKNOWN_ORDER,

	/** The payment is not in rupees: logged, never credited. */
	UNSUPPORTED_CURRENCY,

	/** A refund of ours was processed, or given up by the gateway (then given back). */
	REFUND_RECORDED,

	/**
	 * A refund payment-service did not make (e.g. from the gateway's dashboard): logged.
	 */
	UNKNOWN_REFUND,

	/** An event type payment-service does not act on: logged, no effect. */
	IGNORED_EVENT_TYPE,

	/** A known event type with nothing to do (e.g. payment.authorized). */
	NO_EFFECT

}
