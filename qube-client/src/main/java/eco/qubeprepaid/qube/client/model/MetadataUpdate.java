package eco.qubeprepaid.qube.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partial metadata update for a space (E3) or a device (P1): only the fields set here
 * are sent, and a field set to {@code null} is cleared. Build it with {@link #builder()}.
 */
public final class MetadataUpdate {

	private final Map<String, Object> fields;

	private MetadataUpdate(Map<String, Object> fields) {
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * Starts an empty update.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the JSON body fields, in insertion order; values may be {@code null}.
	 * @return the fields to send
	 */
	public Map<String, Object> fields() {
		return this.fields;
	}

	/**
	 * Builds a {@link MetadataUpdate}.
	 */
	public static final class Builder {

		private final Map<String, Object> fields = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the name.
		 * @param name the new name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.fields.put("name", name);
			return this;
		}

		/**
		 * Sets the description.
		 * @param description the new description, or {@code null} to clear it
		 * @return this builder
		 */
		public Builder description(String description) {
			this.fields.put("description", description);
			return this;
		}

		/**
		 * Sets one user-defined field.
		 * @param index 1 to 5
		 * @param value the new value, or {@code null} to clear it
		 * @return this builder
		 */
		public Builder udf(int index, String value) {
			if (index < 1 || index > 5) {
				throw new IllegalArgumentException("UDFs are numbered 1 to 5, not " + index);
			}
			this.fields.put("udf" + index, value);
			return this;
		}

		/**
		 * Sets the tags (spaces only).
		 * @param tags the new tags
		 * @return this builder
		 */
		public Builder tags(List<String> tags) {
			this.fields.put("tags", List.copyOf(tags));
			return this;
		}

		/**
		 * Finishes the update.
		 * @return the update
		 */
		public MetadataUpdate build() {
			if (this.fields.isEmpty()) {
				throw new IllegalStateException("An update needs at least one field");
			}
			return new MetadataUpdate(this.fields);
		}

	}

}
