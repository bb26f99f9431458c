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
	 * Records whether a live poll found the premise's device online, in the caller's
	 * transaction: online ends the open offline episode, offline starts one unless one is
	 * open. Gap-fill history never comes here, so it neither starts nor ends an episode.
	 * Nothing changes if the premise carries another device by now.
	 * @param identity the premise
	 * @param deviceId the device the poll read
	 * @param online whether it was online
	 * @param observedAt when the poll began
	 */
	void recordPresence(PremiseIdentity identity, String deviceId, boolean online, Instant observedAt);

	/**
	 * Notices the premise's open offline episode if it began at or before the cutoff and
	 * was not noticed yet: marks it noticed and appends its {@code MeterOffline} (id
	 * {@link OfflineEpisode#noticeId()}, skipped if the outbox already holds it) to the
	 * outbox, in the caller's transaction. An episode is noticed once however often this
	 * is called, also by concurrent transactions and after a restart.
	 * @param identity the premise
	 * @param cutoff the latest start of an episode that is noticed
	 * @param now when the threshold was found passed
	 * @return the episode noticed now, empty if none
	 */
	Optional<OfflineEpisode> noticeOffline(PremiseIdentity identity, Instant cutoff, Instant now);

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
