package eco.qubeprepaid.balance.ledger.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The audit record of a premise's first reading: what its meter held and what its wallet
 * opened with, by which rule. One per premise (its primary key).
 *
 * @param premiseId the premise
 * @param snapshotEventId the first reading's snapshot
 * @param deviceId the meter
 * @param meterBalancePaise the meter's balance then, or {@code null} if not reported
 * @param openingBalancePaise what the wallet opened with (zero or more)
 * @param rule {@value #ADOPT} or {@value #ZERO}
 * @param observedAt when the meter was read
 */
public record Onboarding(String premiseId, UUID snapshotEventId, String deviceId, Long meterBalancePaise,
		long openingBalancePaise, String rule, Instant observedAt) {

	/** The wallet adopted the meter's balance. */
	public static final String ADOPT = "ADOPT";

	/** The wallet opened at zero and the meter was not touched. */
	public static final String ZERO = "ZERO";

	public Onboarding {
		Objects.requireNonNull(premiseId, "premiseId");
		Objects.requireNonNull(snapshotEventId, "snapshotEventId");
		Objects.requireNonNull(deviceId, "deviceId");
		Objects.requireNonNull(observedAt, "observedAt");
		if (!ADOPT.equals(rule) && !ZERO.equals(rule)) {
			throw new IllegalArgumentException("unknown onboarding rule " + rule);
		}
		if (openingBalancePaise < 0) {
			throw new IllegalArgumentException("an opening balance is zero or more, was " + openingBalancePaise);
		}
		if (ZERO.equals(rule) && openingBalancePaise != 0) {
			throw new IllegalArgumentException("a wallet opened by the ZERO rule opens at zero");
		}
	}

}
