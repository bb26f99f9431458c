package eco.qubeprepaid.balance.ledger.application;

import java.util.List;
import java.util.Optional;

import eco.qubeprepaid.balance.ledger.domain.WalletMovement;

/**
 * The records of the movements people and other services asked for, in the caller's
 * transaction. Implemented by {@code ledger.persistence.WalletMovementStore}.
 */
public interface WalletMovementRepository {

	/**
	 * @param key a movement's key (its posting's idempotency key)
	 * @return the movement recorded under it
	 */
	Optional<WalletMovement> find(String key);

	/**
	 * Records a movement whose posting this transaction wrote (a foreign key); the
	 * primary key refuses a second record under the same key.
	 * @param movement the movement
	 */
	void record(WalletMovement movement);

	/**
	 * @param premiseId a premise
	 * @param limit the most to return
	 * @return its movements, newest first
	 */
	List<WalletMovement> forPremise(String premiseId, int limit);

}
