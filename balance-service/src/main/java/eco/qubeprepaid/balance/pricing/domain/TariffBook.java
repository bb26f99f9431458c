package eco.qubeprepaid.balance.pricing.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tariff versions that may apply to a premise, and the rule that picks one: among the
 * versions already effective, the most specific scope wins, then the latest
 * {@code effectiveFrom}.
 *
 * @param versions the candidate versions
 */
public record TariffBook(List<TariffVersion> versions) {

	private static final Comparator<TariffVersion> PRECEDENCE = Comparator
		.comparingInt((TariffVersion version) -> version.scope().specificity())
		.thenComparing(TariffVersion::effectiveFrom);

	/** A book with no versions: every premise is priced at its meter's rates. */
	public static final TariffBook EMPTY = new TariffBook(List.of());

	public TariffBook {
		versions = List.copyOf(versions);
	}

	/**
	 * Finds the version in force.
	 * @param premiseId the premise
	 * @param at the instant
	 * @return the version, or empty if none is configured for the premise at that instant
	 */
	public Optional<TariffVersion> inForce(String premiseId, Instant at) {
		return this.versions.stream()
			.filter((version) -> version.scope().covers(premiseId) && !version.effectiveFrom().isAfter(at))
			.max(PRECEDENCE);
	}

}
