package eco.qubeprepaid.qube.client.model;

/**
 * A device as embedded in a space (E1, E2). It has no online flag and no balance.
 *
 * @param deviceId the opaque device ID, which changes when a meter is replaced
 * @param name the device name
 * @param activeMode the mode
 * @param udfs the user-defined fields
 */
public record DeviceSummary(String deviceId, String name, Mode activeMode, Udfs udfs) {
}
