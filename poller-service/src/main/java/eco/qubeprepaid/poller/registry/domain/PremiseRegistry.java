package eco.qubeprepaid.poller.registry.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The port to the device registry: premises, their meter epochs and the devices without
 * an identity. Implementations keep each change and its epoch row in one transaction.
 */
public interface PremiseRegistry {

	/**
	 * Finds a premise.
	 * @param identity the identity
	 * @return the premise, if known
	 */
	Optional<Premise> find(PremiseIdentity identity);

	/**
	 * Lists the premises read with one key.
	 * @param apiKeyName the key's name
	 * @return the premises
	 */
	List<Premise> findByKey(String apiKeyName);

	/**
	 * Stores a premise that is new or starts a new epoch, with the epoch's history row.
	 * @param premise the premise in its new epoch
	 * @param reason why the epoch began
	 * @param startedAt when
	 */
	void startEpoch(Premise premise, EpochReason reason, Instant startedAt);

	/**
	 * Stores a premise's last reading.
	 * @param premise the premise with its new last reading
	 */
	void saveLast(Premise premise);

	/**
	 * Replaces the set of unidentified devices seen by one key.
	 * @param apiKeyName the key
	 * @param devices the devices without identity seen now
	 */
	void replaceUnidentified(String apiKeyName, Collection<UnidentifiedDevice> devices);

	/**
	 * Lists every unidentified device.
	 * @return the devices
	 */
	List<UnidentifiedDevice> unidentified();

}
