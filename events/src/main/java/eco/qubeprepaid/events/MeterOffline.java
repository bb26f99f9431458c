package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * poller-service has not reached a premise's meter for longer than the configured
 * threshold: nothing can be read from it or switched on it (no cut-off, no restore) until
 * it is back. Emitted once per offline episode.
 *
 * @param eventId the event id
 * @param occurredAt when the threshold was found passed
 * @param premiseId the premise's stable identity
 * @param deviceId the device that is offline
 * @param offlineSince since when polls found it offline (the first such poll)
 */
public record MeterOffline(UUID eventId, Instant occurredAt, String premiseId, String deviceId,
		Instant offlineSince) implements DomainEvent {

	public MeterOffline {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.text(deviceId, "deviceId");
		Require.present(offlineSince, "offlineSince");
	}

}
