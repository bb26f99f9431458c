package eco.qubeprepaid.balance.policy.domain;

/**
 * Who switches a premise's supply off when its credit runs out (DESIGN fact 6).
 */
public enum EnforcementMode {

	/**
	 * The meter runs in POSTPAID mode and this system switches the relay, so friendly
	 * windows and emergency credit hold. The default.
	 */
	SYSTEM,
	/**
	 * The meter runs in PREPAID mode, deducts its own balance and cuts itself at zero
	 * whatever the hour; this system only keeps the meter's balance in step with the
	 * ledger and never asks for a relay switch.
	 */
	METER

}
