package eco.qubeprepaid.balance.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import eco.qubeprepaid.balance.errors.BadRequestException;
import eco.qubeprepaid.service.time.Ist;

/**
 * An inclusive range of IST calendar days from the {@code from} and {@code to} query
 * parameters ({@code 2025-09-01}); by default the last 30 days up to today.
 *
 * @param from the first day
 * @param to the last day, inclusive
 */
public record IstDateRange(LocalDate from, LocalDate to) {

	/** The longest range one request may ask for. */
	public static final int MAX_DAYS = 366;

	/**
	 * Parses and checks the parameters.
	 * @param from the {@code from} parameter, or {@code null}
	 * @param to the {@code to} parameter, or {@code null}
	 * @param clock the clock that says what today is
	 * @return the range
	 * @throws BadRequestException if a date is malformed or the range is reversed or too
	 * long
	 */
	public static IstDateRange parse(String from, String to, Clock clock) {
		LocalDate last = (to != null) ? date("to", to) : LocalDate.now(clock.withZone(Ist.ZONE));
		LocalDate first = (from != null) ? date("from", from) : last.minusDays(29);
		if (first.isAfter(last)) {
			throw new BadRequestException("from (" + first + ") must not be after to (" + last + ")");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new BadRequestException(
					"the range from " + first + " to " + last + " is longer than " + MAX_DAYS + " days");
		}
		return new IstDateRange(first, last);
	}

	private static LocalDate date(String name, String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(name + " must be an ISO date such as 2025-09-01, was '" + value + "'");
		}
	}

	/**
	 * @return the first instant of the range
	 */
	public Instant start() {
		return this.from.atStartOfDay(Ist.ZONE).toInstant();
	}

	/**
	 * @return the first instant after the range
	 */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(Ist.ZONE).toInstant();
	}

}
