package eco.qubeprepaid.balance.metering.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import eco.qubeprepaid.balance.metering.application.QuarantineResolutions;
import eco.qubeprepaid.balance.metering.application.QuarantineResolutions.Resolved;
import eco.qubeprepaid.balance.metering.domain.QuarantinedReading;
import eco.qubeprepaid.balance.metering.domain.Resolution;
import eco.qubeprepaid.balance.errors.BadRequestException;
import eco.qubeprepaid.balance.web.Operators;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of quarantined readings: the open ones, one row whatever its status,
 * and the audited resolution of an open one (DISMISS or REBASELINE).
 */
@RestController
public class QuarantineController {

	/** The most quarantined readings one request returns. */
	static final int MAX_QUARANTINED = 500;

	/** The longest note an operator may leave (the database's CHECK says the same). */
	static final int MAX_NOTE_LENGTH = 500;

	private final QuarantineResolutions resolutions;

	public QuarantineController(QuarantineResolutions resolutions) {
		this.resolutions = resolutions;
	}

	@GetMapping("/api/quarantine")
	public List<QuarantinedReading> openQuarantine() {
		return this.resolutions.open(MAX_QUARANTINED);
	}

	@GetMapping("/api/quarantine/{id}")
	public QuarantinedReading quarantined(@PathVariable String id) {
		return this.resolutions.get(id(id));
	}

	@PostMapping("/api/quarantine/{id}/resolution")
	public Resolved resolve(@PathVariable String id, @RequestBody(required = false) ResolutionRequest request,
			Principal account) {
		long quarantineId = id(id);
		if (request == null) {
			throw new BadRequestException("a JSON body is required, e.g. "
					+ "{\"action\": \"DISMISS\", \"operator\": \"asha\", \"note\": \"poller glitch\"}");
		}
		Resolution action = request.resolution();
		String operator = Operators.of(account, request.operator());
		String note = request.noteText();
		return this.resolutions.resolve(quarantineId, action, operator, note);
	}

	private static long id(String text) {
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("the quarantine id must be a whole number, was '" + text + "'");
		}
	}

	/**
	 * An operator's resolution of a quarantined reading.
	 *
	 * @param action {@code DISMISS} (a glitch: nothing is billed) or {@code REBASELINE}
	 * (genuine: billing continues from it, the energy before it is not billed)
	 * @param operator who resolves it, if not the account itself (recorded with the
	 * account)
	 * @param note why, at most 500 characters, optional
	 */
	public record ResolutionRequest(String action, String operator, String note) {

		Resolution resolution() {
			if (this.action == null || this.action.isBlank()) {
				throw new BadRequestException("action is required: DISMISS (the reading was a glitch, nothing is "
						+ "billed) or REBASELINE (the reading is genuine, billing continues from it)");
			}
			try {
				return Resolution.valueOf(this.action.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new BadRequestException("action must be DISMISS or REBASELINE, was '" + this.action + "'");
			}
		}

		String noteText() {
			if (this.note == null || this.note.isBlank()) {
				return null;
			}
			String text = this.note.trim();
			if (text.length() > MAX_NOTE_LENGTH) {
				throw new BadRequestException(
						"note must be at most " + MAX_NOTE_LENGTH + " characters, was " + text.length());
			}
			return text;
		}

	}

}
