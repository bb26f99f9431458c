package eco.qubeprepaid.poller.schedule.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules of the poll scheduler.
 *
 * @param freshnessFloor every meter is polled at least this often
 * @param minInterval no meter is polled more often than this (unless the budget has
 * nothing better to do)
 * @param floorSlack a meter whose last poll is older than
 * {@code freshnessFloor - floorSlack} goes ahead of everything else, so that it is read
 * before the floor passes even when the poll itself waits a little for the budget
 * @param horizonDivisor a meter predicted to run out in {@code t} is revisited every
 * {@code t / horizonDivisor} (within the two bounds above), so that it is read several
 * times before it reaches zero
 */
public record SchedulePolicy(Duration freshnessFloor, Duration minInterval, Duration floorSlack, int horizonDivisor) {

	public SchedulePolicy {
		Objects.requireNonNull(freshnessFloor, "freshnessFloor");
		Objects.requireNonNull(minInterval, "minInterval");
		Objects.requireNonNull(floorSlack, "floorSlack");
		if ((freshnessFloor.isZero() || freshnessFloor.isNegative()) || minInterval.isNegative()
				|| minInterval.compareTo(freshnessFloor) > 0) {
			throw new IllegalArgumentException("need 0 <= minInterval <= freshnessFloor and a positive floor");
		}
		if (floorSlack.isNegative() || floorSlack.compareTo(freshnessFloor) >= 0) {
			throw new IllegalArgumentException("need 0 <= floorSlack < freshnessFloor");
		}
		if (horizonDivisor < 1) {
			throw new IllegalArgumentException("horizonDivisor must be at least 1");
		}
	}

	/**
	 * The usual policy for a floor: a fifth of the floor as slack, revisit ten times
	 * before the predicted zero.
	 * @param freshnessFloor the floor
	 * @param minInterval the minimum interval
	 * @return the policy
	 */
	public static SchedulePolicy of(Duration freshnessFloor, Duration minInterval) {
		return new SchedulePolicy(freshnessFloor, minInterval, freshnessFloor.dividedBy(5), 10);
	}

	/**
	 * How long after its last poll a meter with a predicted time to zero is due again.
	 * @param timeToZero the prediction, {@code null} if the balance is not running down
	 * @return the revisit interval, between {@code minInterval} and
	 * {@code freshnessFloor}
	 */
	Duration revisitInterval(Duration timeToZero) {
		if (timeToZero == null) {
			return this.freshnessFloor;
		}
		Duration wanted = timeToZero.dividedBy(this.horizonDivisor);
		if (wanted.compareTo(this.minInterval) < 0) {
			return this.minInterval;
		}
		return (wanted.compareTo(this.freshnessFloor) > 0) ? this.freshnessFloor : wanted;
	}

}
