package eco.qubeprepaid.balance.ledger.domain;

import eco.qubeprepaid.events.TariffKind;

/**
 * The ledger's chart of accounts. Each premise has one wallet, a liability: the credit
 * the tenant has paid for and not yet used. Energy and fixed charges move money from the
 * wallet to revenue; top-ups move it from payments clearing to the wallet.
 */
public final class Accounts {

	/** Revenue from grid (EB) energy. */
	public static final String REVENUE_EB = "revenue:eb";

	/** Revenue from generator (DG) energy. */
	public static final String REVENUE_DG = "revenue:dg";

	/** Revenue from fixed daily charges. */
	public static final String REVENUE_FIXED = "revenue:fixed";

	/** Money received from the payment gateway, not yet settled. */
	public static final String PAYMENTS_CLEARING = "clearing:payments";

	/**
	 * The counter-account of the opening balances adopted from meters when their premises
	 * were first seen: money tenants held on the meters before this system.
	 */
	public static final String OPENING_BALANCES = "opening:balances";

	/**
	 * Money that reached meters from outside the ledger (Qube's own payment gateway), not
	 * yet settled with Qube.
	 */
	public static final String METER_CREDITS = "clearing:meter-credits";

	/** The counter-account of operator adjustments. */
	public static final String ADJUSTMENTS = "adjustments";

	private Accounts() {
	}

	/**
	 * @param premiseId a premise
	 * @return the id of its wallet account
	 */
	public static String wallet(String premiseId) {
		return "wallet:" + premiseId;
	}

	/**
	 * @param kind a supply
	 * @return the revenue account its energy is credited to
	 */
	public static String revenue(TariffKind kind) {
		return (kind == TariffKind.DG) ? REVENUE_DG : REVENUE_EB;
	}

}
