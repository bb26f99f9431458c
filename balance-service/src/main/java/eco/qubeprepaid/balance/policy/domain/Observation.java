package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a snapshot said about a meter, as far as the policy cares.
 *
 * @param observedAt when the meter was read (data time)
 * @param online whether it was online
 * @param relayOn whether its relay was closed, or {@code null} if not reported
 * @param meterBalancePaise its own balance, or {@code null} if not reported
 */
public record Observation(Instant observedAt, boolean online, Boolean relayOn, Long meterBalancePaise) {

	public Observation {
		Objects.requireNonNull(observedAt, "observedAt");
	}

	/**
	 * @param other another observation, or {@code null}
	 * @return whichever was read later (this one on a tie)
	 */
	public Observation newest(Observation other) {
		return (other != null && other.observedAt.isAfter(this.observedAt)) ? other : this;
	}

}
