package eco.qubeprepaid.poller.registry.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One offline episode of a premise's meter: from the first live poll that found it
 * offline until the next live poll that finds it online.
 *
 * @param identity the premise
 * @param deviceId the device that is offline
 * @param since the time of the first poll that found it offline
 */
public record OfflineEpisode(PremiseIdentity identity, String deviceId, Instant since) {

	public OfflineEpisode {
		Objects.requireNonNull(identity, "identity");
		Objects.requireNonNull(deviceId, "deviceId");
		Objects.requireNonNull(since, "since");
	}

	/**
	 * The id of the episode's one {@code MeterOffline}, the same however often it is
	 * computed, so that the outbox can refuse a second one.
	 * @return the event id
	 */
	public UUID noticeId() {
		return UUID.nameUUIDFromBytes(
				(this.identity.value() + "|" + this.deviceId + "|" + this.since).getBytes(StandardCharsets.UTF_8));
	}

}
