package eco.qubeprepaid.balance.pricing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import eco.qubeprepaid.events.TariffKind;

/**
 * The rate an interval's energy is priced at, and where it came from.
 *
 * @param kind the supply
 * @param ratePaisePerKwh the rate
 * @param versionId the configured tariff version, or {@code 0} for the meter's own rate
 * @param source where the rate came from
 */
public record PricedTariff(TariffKind kind, long ratePaisePerKwh, long versionId, Source source) {

	public PricedTariff {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(source, "source");
		if (ratePaisePerKwh < 0) {
			throw new IllegalArgumentException("rate must be zero or more, was " + ratePaisePerKwh);
		}
		if ((source == Source.METER) != (versionId == 0)) {
			throw new IllegalArgumentException("a meter rate has version 0 and a configured rate a real version");
		}
	}

	/**
	 * Chooses the rate: the configured version if there is one, else the rate the meter
	 * reported.
	 * @param kind the supply in force
	 * @param configured the configured version in force, if any
	 * @param meterRate the rate the meter reported for that supply, or {@code null}
	 * @return the rate, or empty if neither exists
	 */
	public static Optional<PricedTariff> choose(TariffKind kind, Optional<TariffVersion> configured, Long meterRate) {
		if (configured.isPresent()) {
			TariffVersion version = configured.get();
			return Optional.of(new PricedTariff(kind, version.rate(kind), version.versionId(), Source.CONFIGURED));
		}
		return Optional.ofNullable(meterRate).map((rate) -> new PricedTariff(kind, rate, 0, Source.METER));
	}

	/**
	 * Chooses the rate of an interval: its energy is priced at the supply in force at its
	 * start and the tariff version effective at its start (ADR 0004).
	 * @param book the premise's tariff versions
	 * @param premiseId the premise
	 * @param intervalStart when the interval started (the previous reading)
	 * @param kind the supply in force at the start
	 * @param meterRate the rate the meter reported for that supply at the start, or
	 * {@code null}
	 * @return the rate, or empty if none is configured or reported
	 */
	public static Optional<PricedTariff> forInterval(TariffBook book, String premiseId, Instant intervalStart,
			TariffKind kind, Long meterRate) {
		return choose(kind, book.inForce(premiseId, intervalStart), meterRate);
	}

	/** Where a rate came from. */
	public enum Source {

		/** An operator's tariff version. */
		CONFIGURED,
		/** The rate the meter itself reported in the snapshot. */
		METER

	}

}
