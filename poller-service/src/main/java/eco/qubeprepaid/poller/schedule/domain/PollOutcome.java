package eco.qubeprepaid.poller.schedule.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What one finished poll told the scheduler about a meter.
 *
 * @param at when the meter was read
 * @param balancePaise the balance the meter spends, {@code null} when the meter did not
 * report one or does not deduct from it (not PREPAID)
 * @param relayOn {@code true} when the supply is on, {@code false} when the relay is off
 * (the meter draws nothing, so its balance is not running down), {@code null} when
 * unknown
 * @param online whether the meter answered live; an offline meter only carries the last
 * values the cloud holds, which are no new measurement of its balance
 */
public record PollOutcome(Instant at, Long balancePaise, Boolean relayOn, boolean online) {

	public PollOutcome {
		Objects.requireNonNull(at, "at");
	}

	/**
	 * Tells whether the relay was seen off, so the meter is not spending its balance.
	 * @return true only when the relay state is known and off
	 */
	boolean switchedOff() {
		return Boolean.FALSE.equals(this.relayOn);
	}

}
