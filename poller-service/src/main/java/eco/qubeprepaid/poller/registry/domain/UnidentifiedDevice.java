package eco.qubeprepaid.poller.registry.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A device that carries no identity in the configured UDF. It cannot be keyed to a
 * premise, so it is never polled for billing; operators see it and fix its UDF in Qube.
 *
 * @param deviceId the device
 * @param apiKeyName the key that sees it
 * @param spaceId the space it is in
 * @param name its name in Qube
 * @param firstSeenAt when discovery first saw it without an identity
 */
public record UnidentifiedDevice(String deviceId, String apiKeyName, long spaceId, String name, Instant firstSeenAt) {

	public UnidentifiedDevice {
		Objects.requireNonNull(deviceId, "deviceId");
		Objects.requireNonNull(apiKeyName, "apiKeyName");
		Objects.requireNonNull(firstSeenAt, "firstSeenAt");
	}

}
