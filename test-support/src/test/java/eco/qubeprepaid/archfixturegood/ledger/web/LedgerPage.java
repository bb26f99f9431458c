package eco.qubeprepaid.archfixturegood.ledger.web;

import eco.qubeprepaid.archfixturegood.ledger.application.Billing;

public class LedgerPage {

	public String show(Billing billing) {
		return billing.toString();
	}

}
