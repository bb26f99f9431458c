package eco.qubeprepaid.archfixturebroken.ledger.application;

import eco.qubeprepaid.archfixturebroken.ledger.web.LedgerPage;
import eco.qubeprepaid.archfixturebroken.policy.application.Enforcement;
import eco.qubeprepaid.archfixturebroken.policy.persistence.PolicyTable;

/** Breaks three rules: another feature's persistence, a web class, a feature cycle. */
public class Billing {

	public String bill(PolicyTable table, LedgerPage page, Enforcement enforcement) {
		return table.toString() + page + enforcement;
	}

}
