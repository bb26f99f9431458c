package eco.qubeprepaid.payment.portal.domain;

import java.util.List;
import java.util.OptionalLong;

/**
 * How long a balance lasts at the recent rate of use: the balance divided by the mean
 * daily charge of the last {@link #RECENT_DAYS} days, counted from the first of them with
 * any use (a tenant who moved in three days ago is averaged over three days; a day
 * without use after that counts as zero).
 */
public final class DaysLeft {

	/** Days of use averaged. */
	public static final int RECENT_DAYS = 7;

	/** Fewer days left than this is "low". */
	public static final int LOW_DAYS = 3;

	private DaysLeft() {
	}

	/**
	 * @param balancePaise the balance
	 * @param recentDailyPaise the charges of the recent days (at most
	 * {@link #RECENT_DAYS})
	 * @return whole days left (rounded down), or empty when there was no recent use
	 */
	public static OptionalLong of(long balancePaise, List<Long> recentDailyPaise) {
		int first = 0;
		while (first < recentDailyPaise.size() && recentDailyPaise.get(first) <= 0) {
			first++;
		}
		List<Long> counted = recentDailyPaise.subList(first, recentDailyPaise.size());
		long total = counted.stream().mapToLong(Long::longValue).sum();
		if (total <= 0) {
			return OptionalLong.empty();
		}
		if (balancePaise <= 0) {
			return OptionalLong.of(0);
		}
		// balance / (total / days), in integers
		return OptionalLong.of(balancePaise * counted.size() / total);
	}

	/**
	 * @param relayOn the relay in the latest reading, or null if unknown
	 * @param balancePaise the balance
	 * @param daysLeft the days left, if known
	 * @return the supply as the tenant sees it
	 */
	public static Supply supply(Boolean relayOn, long balancePaise, OptionalLong daysLeft) {
		if (relayOn == null) {
			return Supply.UNKNOWN;
		}
		if (!relayOn) {
			return Supply.OFF;
		}
		boolean low = balancePaise <= 0 || (daysLeft.isPresent() && daysLeft.getAsLong() < LOW_DAYS);
		return low ? Supply.LOW : Supply.ON;
	}

}
