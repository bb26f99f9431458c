package eco.qubeprepaid.sandbox.qube.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A simulated space (property or building) owned by one API key. Synchronized on itself.
 */
final class Space {

	private final long spaceId;

	private final String accountKey;

	private final String[] udfs;

	private final List<String> deviceIds = new ArrayList<>();

	private String name;

	private String description;

	private List<String> tags;

	Space(long spaceId, String accountKey, String name, String description, List<String> udfs, List<String> tags) {
		this.spaceId = spaceId;
		this.accountKey = accountKey;
		this.name = name;
		this.description = description;
		this.udfs = Arrays.copyOf(udfs.toArray(new String[0]), 5);
		this.tags = List.copyOf(tags);
	}

	long spaceId() {
		return this.spaceId;
	}

	String accountKey() {
		return this.accountKey;
	}

	synchronized List<String> deviceIds() {
		return List.copyOf(this.deviceIds);
	}

	synchronized void addDevice(String deviceId) {
		this.deviceIds.add(deviceId);
	}

	synchronized void removeDevice(String deviceId) {
		this.deviceIds.remove(deviceId);
	}

	/** Puts the new device where the old one was, so listings keep their order. */
	synchronized void replaceDevice(String oldId, String newId) {
		int at = this.deviceIds.indexOf(oldId);
		if (at >= 0) {
			this.deviceIds.set(at, newId);
		}
		else {
			this.deviceIds.add(newId);
		}
	}

	/** E3: a partial update; only the fields present change (G8). */
	synchronized void update(Map<String, String> fields, List<String> newTags) {
		fields.forEach((field, value) -> {
			switch (field) {
				case "name" -> this.name = value;
				case "description" -> this.description = value;
				default -> this.udfs[Integer.parseInt(field.substring(3)) - 1] = value;
			}
		});
		if (newTags != null) {
			this.tags = List.copyOf(newTags);
		}
	}

	synchronized SpaceView view(List<MeterView> devices) {
		return new SpaceView(this.spaceId, this.name, this.description, this.tags,
				Collections.unmodifiableList(Arrays.asList(this.udfs.clone())), devices);
	}

}
