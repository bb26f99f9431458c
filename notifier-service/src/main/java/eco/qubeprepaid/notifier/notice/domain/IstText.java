package eco.qubeprepaid.notifier.notice.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import eco.qubeprepaid.service.time.Ist;

/** Times written for people in India: {@code 07-12-2026 14:05 IST}, in every language. */
public final class IstText {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(Ist.ZONE);

	private IstText() {
	}

	/**
	 * @param instant an instant
	 * @return it in India Standard Time, to the minute
	 */
	public static String format(Instant instant) {
		return FORMAT.format(instant) + " IST";
	}

}
