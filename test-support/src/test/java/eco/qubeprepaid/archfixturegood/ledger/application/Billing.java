package eco.qubeprepaid.archfixturegood.ledger.application;

import eco.qubeprepaid.archfixturegood.ledger.domain.Amount;
import eco.qubeprepaid.archfixturegood.policy.application.PolicyPort;

/** Reaches the policy through its port, as the rules want. */
public class Billing {

	public long bill(PolicyPort policy, Amount amount) {
		return policy.limit() + amount.paise();
	}

}
