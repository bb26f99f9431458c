package eco.qubeprepaid.balance.work;

import java.util.Collection;

import eco.qubeprepaid.balance.errors.UnknownPremiseException;

/**
 * The one lock of a premise: every change to a premise's money, meter state or policy
 * state runs under it, so that they are serial per premise across threads and instances.
 * Implemented by the ledger (the wallet row is the premise's lock row).
 */
public interface PremiseLocks {

	/**
	 * Opens the premises' wallets if needed and locks them until the transaction ends, in
	 * a fixed order (so that two transactions never deadlock on them).
	 * @param premiseIds the premises
	 */
	void lock(Collection<String> premiseIds);

	/**
	 * @param premiseId a premise
	 * @return whether the service knows it (its wallet exists)
	 */
	boolean known(String premiseId);

	/**
	 * @param premiseId a premise a request names
	 * @throws UnknownPremiseException unless the service knows it
	 */
	default void requireKnown(String premiseId) {
		if (!known(premiseId)) {
			throw new UnknownPremiseException(premiseId);
		}
	}

}
