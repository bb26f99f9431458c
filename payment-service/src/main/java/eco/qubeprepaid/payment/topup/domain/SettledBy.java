package eco.qubeprepaid.payment.topup.domain;

/** What told payment-service that a payment was captured. */
public enum SettledBy {

	/** The gateway's webhook. */
	WEBHOOK,

	/** Reconciliation, which fetched the order's payments from the gateway. */
	RECONCILIATION,

	/**
	 * The tenant's return from the checkout with the gateway's signed payment id, which
	 * had payment-service fetch the order's payments at once.
	 */
	CHECKOUT_RETURN

}
