package eco.qubeprepaid.qube.client.model;

/**
 * The five user-defined fields that spaces and devices carry; any of them may be
 * {@code null}.
 *
 * @param udf1 user-defined field 1, typically the stable business key
 * @param udf2 user-defined field 2
 * @param udf3 user-defined field 3
 * @param udf4 user-defined field 4
 * @param udf5 user-defined field 5
 */
public record Udfs(String udf1, String udf2, String udf3, String udf4, String udf5) {

	/** No field set. */
	public static final Udfs NONE = new Udfs(null, null, null, null, null);

	/**
	 * Returns a field by number.
	 * @param index 1 to 5
	 * @return the value, possibly {@code null}
	 */
	public String get(int index) {
		return switch (index) {
			case 1 -> this.udf1;
			case 2 -> this.udf2;
			case 3 -> this.udf3;
			case 4 -> this.udf4;
			case 5 -> this.udf5;
			default -> throw new IllegalArgumentException("UDFs are numbered 1 to 5, not " + index);
		};
	}

}
