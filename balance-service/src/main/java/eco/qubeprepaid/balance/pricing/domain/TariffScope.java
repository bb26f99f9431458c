package eco.qubeprepaid.balance.pricing.domain;

import java.util.Objects;

/**
 * Which premises a tariff version applies to: one premise
 * ({@code Building-A.Floor-1.Room-101}), every premise whose id starts with a prefix
 * ({@code Building-A.*}) or the whole property ({@code *}). A more specific scope wins
 * over a less specific one.
 *
 * @param value the scope as written
 */
public record TariffScope(String value) {

	/** The whole property. */
	public static final String EVERYTHING = "*";

	public TariffScope {
		Objects.requireNonNull(value, "scope");
		if (value.isBlank()) {
			throw new IllegalArgumentException("scope must not be blank");
		}
		int star = value.indexOf('*');
		if (star >= 0 && star != value.length() - 1) {
			throw new IllegalArgumentException(
					"scope '" + value + "' may contain '*' only as its last character (a prefix or '*')");
		}
	}

	/**
	 * @param premiseId a premise
	 * @return whether this scope covers it
	 */
	public boolean covers(String premiseId) {
		return isPrefix() ? premiseId.startsWith(prefix()) : this.value.equals(premiseId);
	}

	/**
	 * How specific the scope is: a single premise beats any prefix, a longer prefix beats
	 * a shorter one, {@code *} comes last.
	 * @return the rank, higher is more specific
	 */
	public int specificity() {
		return isPrefix() ? prefix().length() : Integer.MAX_VALUE;
	}

	private boolean isPrefix() {
		return this.value.endsWith("*");
	}

	private String prefix() {
		return this.value.substring(0, this.value.length() - 1);
	}

}
