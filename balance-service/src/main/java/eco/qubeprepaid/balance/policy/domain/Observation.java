package eco.qubeprepaid.balance.policy.domain;

import java.time.Instant;
import java.util.Objects;

import eco.qubeprepaid.events.MeterMode;

/**
 * What a snapshot said about a meter, as far as the policy cares.
 *
 * @param observedAt when the meter was read (data time)
 * @param online whether it was online
 * @param relayOn whether its relay was closed, or {@code null} if not reported
 * @param meterBalancePaise its own balance, or {@code null} if not reported
 * @param mode the meter's mode, or {@code null} if not reported
 * @param hasRelay whether it can switch the supply, or {@code null} if not reported
 */
public record Observation(Instant observedAt, boolean online, Boolean relayOn, Long meterBalancePaise, MeterMode mode,
		Boolean hasRelay) {

	public Observation {
		Objects.requireNonNull(observedAt, "observedAt");
	}

	/**
	 * An observation without mode and relay capability (older snapshots, tests).
	 * @param observedAt when the meter was read
	 * @param online whether it was online
	 * @param relayOn the relay state, or {@code null}
	 * @param meterBalancePaise the meter's balance, or {@code null}
	 */
	public Observation(Instant observedAt, boolean online, Boolean relayOn, Long meterBalancePaise) {
		this(observedAt, online, relayOn, meterBalancePaise, null, null);
	}

	/**
	 * @param other another observation, or {@code null}
	 * @return whichever was read later (this one on a tie)
	 */
	public Observation newest(Observation other) {
		return (other != null && other.observedAt.isAfter(this.observedAt)) ? other : this;
	}

	/**
	 * Tells whether the supply at this meter can be switched by a relay command: it has a
	 * relay (or did not say) and its mode lets a client switch it on again (MEASUREMENT
	 * and RELAY_OFF refuse a relay-on, so a cut there could not be undone).
	 * @return true if relay commands may be sent
	 */
	public boolean switchable() {
		return !Boolean.FALSE.equals(this.hasRelay) && this.mode != MeterMode.MEASUREMENT
				&& this.mode != MeterMode.RELAY_OFF;
	}

	/**
	 * @return whether the meter deducts its own balance and cuts itself at zero
	 */
	public boolean meterEnforces() {
		return this.mode == MeterMode.PREPAID;
	}

}
