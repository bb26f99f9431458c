package eco.qubeprepaid.poller.registry.domain;

import java.util.Optional;

/**
 * A premise's stable identity: the value of a configured UDF (udf1 by default, e.g.
 * {@code Building-A.Floor-1.Room-101}). Qube device ids change when a meter is replaced,
 * so the ledger and every topic key on this instead.
 *
 * @param value the identity, trimmed, 1 to 255 characters
 */
public record PremiseIdentity(String value) {

	/** The longest identity accepted, the documented UDF length limit. */
	public static final int MAX_LENGTH = 255;

	public PremiseIdentity {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A premise identity must not be blank");
		}
		if (!value.equals(value.strip())) {
			throw new IllegalArgumentException("A premise identity must not start or end with spaces: '" + value + "'");
		}
		if (value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(
					"A premise identity is at most " + MAX_LENGTH + " characters, was " + value.length());
		}
	}

	/**
	 * Reads an identity from a UDF value; a missing or blank UDF means the device has no
	 * identity yet, which the poller flags and never bills.
	 * @param udfValue the UDF's value, possibly {@code null}
	 * @return the identity, or empty
	 */
	public static Optional<PremiseIdentity> fromUdf(String udfValue) {
		if (udfValue == null || udfValue.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new PremiseIdentity(udfValue.strip()));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
