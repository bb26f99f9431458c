package eco.qubeprepaid.balance.pricing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which IST calendar days a premise's fixed daily charge is still owed for: every day
 * after the last one charged up to the day of the current reading, and for a premise
 * never charged, the current day only. Bounded, so that one reading never charges an
 * unbounded backlog.
 */
public final class FixedDailyCharges {

	/** The most days one reading may charge. */
	public static final int MAX_DAYS_PER_READING = 400;

	private FixedDailyCharges() {
	}

	/**
	 * Lists the days to charge, oldest first.
	 * @param chargedThrough the last day already charged, or {@code null} for none
	 * @param today the IST day of the current reading
	 * @return the days, possibly empty
	 */
	public static List<LocalDate> owed(LocalDate chargedThrough, LocalDate today) {
		if (chargedThrough == null) {
			return List.of(today);
		}
		List<LocalDate> days = new ArrayList<>();
		LocalDate first = chargedThrough.plusDays(1);
		LocalDate earliest = today.minusDays(MAX_DAYS_PER_READING - 1);
		for (LocalDate day = first.isBefore(earliest) ? earliest : first; !day.isAfter(today); day = day.plusDays(1)) {
			days.add(day);
		}
		return days;
	}

}
