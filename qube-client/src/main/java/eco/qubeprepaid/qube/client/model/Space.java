package eco.qubeprepaid.qube.client.model;

import java.util.List;

/**
 * A space (property or building) with its devices (E1, E2).
 *
 * @param spaceId the space ID
 * @param name the name
 * @param description the description, may be {@code null}
 * @param devices the devices in the space, never {@code null}
 * @param tags the tags, never {@code null}
 * @param udfs the user-defined fields
 */
public record Space(long spaceId, String name, String description, List<DeviceSummary> devices, List<String> tags,
		Udfs udfs) {

	public Space {
		devices = List.copyOf(devices);
		tags = List.copyOf(tags);
	}

}
