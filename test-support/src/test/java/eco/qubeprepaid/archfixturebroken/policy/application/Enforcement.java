package eco.qubeprepaid.archfixturebroken.policy.application;

import java.util.concurrent.TimeUnit;

import eco.qubeprepaid.archfixturebroken.ledger.application.Billing;

/** Closes the cycle with the ledger, and sleeps its thread (never run: a fixture). */
public class Enforcement {

	public Billing await(Billing billing) throws InterruptedException {
		TimeUnit.MILLISECONDS.sleep(10);
		return billing;
	}

}
