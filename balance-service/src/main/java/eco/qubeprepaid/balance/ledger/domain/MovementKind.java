package eco.qubeprepaid.balance.ledger.domain;

import java.util.Locale;

/**
 * The wallet movements a person or another service asks for (the ledger's own postings,
 * energy, fixed charges, top-ups and what it finds on meters, are not among them). Each
 * names its direction, its ledger kind and its counter-account, and how its idempotency
 * key is made, so that a movement asked for twice is posted once.
 */
public enum MovementKind {

	/** An operator puts money into the wallet, e.g. a goodwill credit or a correction. */
	ADJUSTMENT_CREDIT(true, LedgerPosting.Kind.ADJUSTMENT, Accounts.ADJUSTMENTS),

	/** An operator takes money out of the wallet, e.g. a charge the ledger missed. */
	ADJUSTMENT_DEBIT(false, LedgerPosting.Kind.ADJUSTMENT, Accounts.ADJUSTMENTS),

	/** Money going back to the tenant through the gateway (payment-service only). */
	REFUND(false, LedgerPosting.Kind.REFUND, Accounts.PAYMENTS_CLEARING),

	/**
	 * A refund's debit given back, the gateway having refused it (payment-service only).
	 */
	REFUND_REVERSAL(true, LedgerPosting.Kind.REFUND_REVERSAL, Accounts.PAYMENTS_CLEARING);

	private final boolean credit;

	private final LedgerPosting.Kind ledgerKind;

	private final String counterAccount;

	MovementKind(boolean credit, LedgerPosting.Kind ledgerKind, String counterAccount) {
		this.credit = credit;
		this.ledgerKind = ledgerKind;
		this.counterAccount = counterAccount;
	}

	/**
	 * @return whether it puts money into the wallet
	 */
	public boolean credit() {
		return this.credit;
	}

	/**
	 * @return whether the debit floor applies to it
	 */
	public boolean flooredDebit() {
		return !this.credit;
	}

	LedgerPosting.Kind ledgerKind() {
		return this.ledgerKind;
	}

	String counterAccount() {
		return this.counterAccount;
	}

	/**
	 * The ledger idempotency key of a movement: an adjustment's key is the operator's,
	 * scoped to the premise; a refund's and its reversal's are the refund's id.
	 * @param premiseId the premise
	 * @param reference the operator's key, or the refund's id
	 * @return e.g. {@code adjustment:P-1:goodwill-2026-12}, {@code refund:<id>},
	 * {@code refund-reversal:<id>}
	 */
	public String key(String premiseId, String reference) {
		return switch (this) {
			case ADJUSTMENT_CREDIT, ADJUSTMENT_DEBIT -> "adjustment:" + premiseId + ":" + reference;
			case REFUND -> "refund:" + reference;
			case REFUND_REVERSAL -> "refund-reversal:" + reference;
		};
	}

	/**
	 * @return how a message names it, with its article, e.g. {@code a debit adjustment}
	 */
	public String phrase() {
		return switch (this) {
			case ADJUSTMENT_CREDIT -> "a credit adjustment";
			case ADJUSTMENT_DEBIT -> "a debit adjustment";
			case REFUND -> "a refund";
			case REFUND_REVERSAL -> "a refund's reversal";
		};
	}

	/**
	 * @return the token in URLs and JSON, e.g. {@code adjustment-credit}
	 */
	public String token() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
