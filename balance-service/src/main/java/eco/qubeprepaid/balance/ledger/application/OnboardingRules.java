package eco.qubeprepaid.balance.ledger.application;

/**
 * A port for the rule that decides what a premise's wallet opens with when its meter is
 * read for the first time (the policy owns the rule; the ledger applies it).
 */
public interface OnboardingRules {

	/**
	 * @param premiseId a premise seen for the first time
	 * @return whether its wallet adopts the meter's balance (otherwise it opens at zero)
	 */
	boolean adoptsMeterBalance(String premiseId);

}
