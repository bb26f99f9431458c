package eco.qubeprepaid.balance.pricing.domain;

import java.time.Instant;
import java.util.Objects;

import eco.qubeprepaid.events.TariffKind;

/**
 * The rates an operator set for a scope of premises from an instant on.
 *
 * @param versionId the version's id (never 0, which stands for "the meter's own rates")
 * @param scope which premises it applies to
 * @param effectiveFrom from when
 * @param ebPaisePerKwh the grid rate
 * @param dgPaisePerKwh the generator rate
 * @param fixedDailyPaise the fixed charge per IST calendar day
 */
public record TariffVersion(long versionId, TariffScope scope, Instant effectiveFrom, long ebPaisePerKwh,
		long dgPaisePerKwh, long fixedDailyPaise) {

	public TariffVersion {
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(effectiveFrom, "effectiveFrom");
		if (versionId <= 0) {
			throw new IllegalArgumentException("versionId must be more than zero, was " + versionId);
		}
		if (ebPaisePerKwh < 0 || dgPaisePerKwh < 0 || fixedDailyPaise < 0) {
			throw new IllegalArgumentException("rates and the fixed charge must be zero or more");
		}
	}

	/**
	 * @param kind the supply
	 * @return the rate of that supply
	 */
	public long rate(TariffKind kind) {
		return (kind == TariffKind.DG) ? this.dgPaisePerKwh : this.ebPaisePerKwh;
	}

}
