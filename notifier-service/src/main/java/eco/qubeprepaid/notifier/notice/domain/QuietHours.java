package eco.qubeprepaid.notifier.notice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

import eco.qubeprepaid.service.time.Ist;

/**
 * The hours (India Standard Time) in which non-urgent notices wait, e.g. 21:00–08:00. The
 * window may cross midnight; a window whose start equals its end is empty (no quiet
 * hours).
 *
 * @param start when the quiet begins
 * @param end when it ends
 */
public record QuietHours(LocalTime start, LocalTime end) {

	public QuietHours {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
	}

	/**
	 * @param now the moment a notice is made
	 * @return the instant the quiet ends if {@code now} falls in it, else empty
	 */
	public Optional<Instant> holdUntil(Instant now) {
		if (this.start.equals(this.end)) {
			return Optional.empty();
		}
		ZonedDateTime local = now.atZone(Ist.ZONE);
		LocalTime time = local.toLocalTime();
		LocalDate day = local.toLocalDate();
		boolean crossesMidnight = this.start.isAfter(this.end);
		if (!crossesMidnight) {
			if (!time.isBefore(this.start) && time.isBefore(this.end)) {
				return Optional.of(day.atTime(this.end).atZone(Ist.ZONE).toInstant());
			}
			return Optional.empty();
		}
		if (!time.isBefore(this.start)) {
			return Optional.of(day.plusDays(1).atTime(this.end).atZone(Ist.ZONE).toInstant());
		}
		if (time.isBefore(this.end)) {
			return Optional.of(day.atTime(this.end).atZone(Ist.ZONE).toInstant());
		}
		return Optional.empty();
	}

}
