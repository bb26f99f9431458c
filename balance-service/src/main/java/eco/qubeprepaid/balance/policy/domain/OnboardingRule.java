package eco.qubeprepaid.balance.policy.domain;

/**
 * What a premise's wallet opens with when its meter is read for the first time. A
 * building that already has meters with credit on them keeps that credit by default.
 * Either way the first reading sends no command to the meter.
 */
public enum OnboardingRule {

	/**
	 * The default: the wallet opens with the meter's own balance, as an opening-balance
	 * ledger transaction (audited, on the statement), so the tenant's credit is kept.
	 */
	ADOPT,
	/**
	 * The wallet opens at zero and the meter is not touched at onboarding, for meters
	 * whose credit is not the tenant's (e.g. a previous tenant's, settled elsewhere).
	 * From the next reading on, reconciliation keeps the meter's display in step with the
	 * ledger as usual.
	 */
	ZERO

}
