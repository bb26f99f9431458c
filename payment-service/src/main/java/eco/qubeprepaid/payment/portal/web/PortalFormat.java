package eco.qubeprepaid.payment.portal.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import eco.qubeprepaid.service.text.Rupees;
import eco.qubeprepaid.service.time.Ist;

import org.springframework.stereotype.Component;

/**
 * Formats for the portal's templates ({@code @portalFormat.rupees(…)}): amounts as ₹ with
 * two decimals and Indian grouping, times in IST.
 */
@Component("portalFormat")
public class PortalFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH);

	/**
	 * @param paise an amount
	 * @return it as rupees, e.g. {@code ₹1,234.50}
	 */
	public String rupees(long paise) {
		return Rupees.format(paise);
	}

	/**
	 * @param at a moment
	 * @return it in IST, e.g. {@code 3 Dec, 14:05 IST}
	 */
	public String ist(Instant at) {
		return (at != null) ? TIME.format(at.atZone(Ist.ZONE)) + " IST" : "";
	}

}
