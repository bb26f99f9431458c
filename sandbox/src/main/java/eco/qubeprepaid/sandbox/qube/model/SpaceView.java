package eco.qubeprepaid.sandbox.qube.model;

import java.util.List;

/**
 * A space as the API shows it, with its devices.
 *
 * @param spaceId the integer space ID
 * @param name name
 * @param description description
 * @param tags tags (strings, G28)
 * @param udfs udf1 to udf5, elements may be {@code null}
 * @param devices the devices in the space, in their listing order
 */
public record SpaceView(long spaceId, String name, String description, List<String> tags, List<String> udfs,
		List<MeterView> devices) {
}
