package eco.qubeprepaid.service.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between the domain's instants and the database's timestamps. */
public final class DbTime {

	private DbTime() {
	}

	/**
	 * @param instant an instant, or {@code null}
	 * @return the same instant as a UTC timestamp, or {@code null}
	 */
	public static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * @param timestamp a timestamp, or {@code null}
	 * @return its instant, or {@code null}
	 */
	public static Instant instant(OffsetDateTime timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
