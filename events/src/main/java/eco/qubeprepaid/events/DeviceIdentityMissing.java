package eco.qubeprepaid.events;

import java.time.Instant;
import java.util.UUID;

/**
 * poller-service found a device that carries no premise identity in the configured UDF.
 * It is never polled or billed until an operator sets the UDF in Qube; discovery then
 * registers it as a premise. Published once, when the device is first flagged.
 *
 * <p>
 * Such a device has no premise, so {@code premiseId} (the record key) is
 * {@code unidentified:<deviceId>}, which keeps one device's events in order and can never
 * collide with a real identity of the same text because real identities are UDF values
 * the operator chose for premises.
 *
 * @param eventId the event id
 * @param occurredAt when discovery flagged it
 * @param premiseId {@code unidentified:} followed by the device id
 * @param apiKeyName the name (never the secret) of the key that sees the device
 * @param deviceId the Qube device id
 * @param spaceId the Qube space the device is in
 * @param deviceName the device's name in Qube, may be {@code null}
 * @param identityUdf which UDF should hold the identity (e.g. {@code udf1})
 */
public record DeviceIdentityMissing(UUID eventId, Instant occurredAt, String premiseId, String apiKeyName,
		String deviceId, long spaceId, String deviceName, String identityUdf) implements DomainEvent {

	/** The prefix of the synthetic key of an unidentified device. */
	public static final String KEY_PREFIX = "unidentified:";

	public DeviceIdentityMissing {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.text(premiseId, "premiseId");
		Require.text(apiKeyName, "apiKeyName");
		Require.text(deviceId, "deviceId");
		Require.text(identityUdf, "identityUdf");
		if (!premiseId.equals(KEY_PREFIX + deviceId)) {
			throw new IllegalArgumentException("premiseId must be " + KEY_PREFIX + deviceId + ", was " + premiseId);
		}
	}

}
