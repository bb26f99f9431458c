package eco.qubeprepaid.service.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * India Standard Time, the one time zone of the project: calendar days are the tenant's
 * and the DISCOM's days, friendly windows are local hours, and every meter timestamp the
 * poller publishes carries this offset. Every service takes the zone from here and its
 * clock from the platform ({@code ServicePlatformAutoConfiguration}), which runs in it.
 */
public final class Ist {

	/** {@code Asia/Kolkata}. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

	private Ist() {
	}

	/**
	 * @param instant an instant
	 * @return its calendar day in India
	 */
	public static LocalDate date(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

}
