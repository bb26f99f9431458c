package eco.qubeprepaid.balance.policy.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import eco.qubeprepaid.service.time.Ist;

/**
 * When no cut-off may happen, in Indian time: every night between {@code nightStart} and
 * {@code nightEnd} (a window that wraps past midnight when the start is later than the
 * end; none when they are equal), all day on the friendly weekdays, and all day on the
 * holidays.
 *
 * @param nightStart the start of the nightly window
 * @param nightEnd the end of the nightly window (exclusive)
 * @param weekdays whole friendly days of the week
 * @param holidays whole friendly dates
 */
public record FriendlyWindows(LocalTime nightStart, LocalTime nightEnd, Set<DayOfWeek> weekdays,
		Set<LocalDate> holidays) {

	/** A bound on the search for a window's end: a year and a bit of days. */
	private static final int MAX_STEPS = 1000;

	public FriendlyWindows {
		Objects.requireNonNull(nightStart, "nightStart");
		Objects.requireNonNull(nightEnd, "nightEnd");
		weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
		holidays = Set.copyOf(new TreeSet<>(holidays));
		if (weekdays.size() == 7) {
			throw new IllegalArgumentException("friendly weekdays must leave at least one day for cut-offs");
		}
	}

	/**
	 * The default: no disconnection from 18:00 to 10:00 the next day, nor on Sundays.
	 * @return the default windows, without holidays
	 */
	public static FriendlyWindows standard() {
		return new FriendlyWindows(LocalTime.of(18, 0), LocalTime.of(10, 0), Set.of(DayOfWeek.SUNDAY), Set.of());
	}

	/**
	 * @param holidays the holiday calendar
	 * @return these windows with that calendar
	 */
	public FriendlyWindows withHolidays(Set<LocalDate> holidays) {
		return new FriendlyWindows(this.nightStart, this.nightEnd, this.weekdays, holidays);
	}

	/**
	 * @param instant an instant
	 * @return whether a cut-off must wait at that instant
	 */
	public boolean contains(Instant instant) {
		LocalDateTime local = LocalDateTime.ofInstant(instant, Ist.ZONE);
		return this.weekdays.contains(local.getDayOfWeek()) || this.holidays.contains(local.toLocalDate())
				|| atNight(local.toLocalTime());
	}

	/**
	 * The first instant at or after {@code instant} outside every window.
	 * @param instant an instant
	 * @return when a cut-off owed at {@code instant} may happen
	 */
	public Instant endOf(Instant instant) {
		LocalDateTime cursor = LocalDateTime.ofInstant(instant, Ist.ZONE);
		for (int step = 0; step < MAX_STEPS; step++) {
			if (!contains(cursor.atZone(Ist.ZONE).toInstant())) {
				return cursor.atZone(Ist.ZONE).toInstant();
			}
			cursor = nextBoundary(cursor);
		}
		throw new IllegalStateException("no time outside the friendly windows within " + MAX_STEPS + " days");
	}

	/**
	 * The first instant after {@code instant} inside a window, when {@code instant} is
	 * outside every window: a relay-off decided at {@code instant} must be applied before
	 * it.
	 * @param instant an instant outside every window
	 * @return when the next window starts, or {@code null} if none starts within a year
	 * (no night window, no friendly weekday and no holiday ahead)
	 */
	public Instant nextStart(Instant instant) {
		LocalDateTime cursor = LocalDateTime.ofInstant(instant, Ist.ZONE);
		for (int step = 0; step < MAX_STEPS; step++) {
			LocalDateTime midnight = cursor.toLocalDate().plusDays(1).atStartOfDay();
			LocalDateTime night = cursor.toLocalDate().atTime(this.nightStart);
			LocalDateTime next = (!this.nightStart.equals(this.nightEnd) && night.isAfter(cursor)
					&& night.isBefore(midnight)) ? night : midnight;
			if (contains(next.atZone(Ist.ZONE).toInstant())) {
				return next.atZone(Ist.ZONE).toInstant();
			}
			cursor = next;
		}
		return null;
	}

	private boolean atNight(LocalTime time) {
		int order = this.nightStart.compareTo(this.nightEnd);
		if (order == 0) {
			return false;
		}
		if (order < 0) {
			return !time.isBefore(this.nightStart) && time.isBefore(this.nightEnd);
		}
		return !time.isBefore(this.nightStart) || time.isBefore(this.nightEnd);
	}

	/** A window can only end at midnight or at the end of the night. */
	private LocalDateTime nextBoundary(LocalDateTime cursor) {
		LocalDateTime midnight = cursor.toLocalDate().plusDays(1).atStartOfDay();
		LocalDateTime nightEnd = cursor.toLocalDate().atTime(this.nightEnd);
		return (nightEnd.isAfter(cursor) && nightEnd.isBefore(midnight)) ? nightEnd : midnight;
	}

}
