package eco.qubeprepaid.sandbox.mail;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail catcher's admin API ({@code /admin/mail/...}, no credentials, as every
 * simulator's admin): the caught mails, oldest first, the newest one, the catcher's
 * state, and a reset.
 */
@RestController
@RequestMapping("/admin/mail")
public class MailAdminController {

	private final MailCatcher catcher;

	public MailAdminController(MailCatcher catcher) {
		this.catcher = catcher;
	}

	/**
	 * Where the SMTP port is, whether it listens, how many mails are kept and dropped.
	 */
	@GetMapping
	public Map<String, Object> status() {
		return MailWire.status(this.catcher);
	}

	/**
	 * Every kept mail, oldest first (newest last); with {@code to}, only those to that
	 * address (an envelope recipient, case-insensitive).
	 */
	@GetMapping("/messages")
	public Map<String, Object> messages(@RequestParam(name = "to", required = false) String to) {
		return MailWire.messages(this.catcher.box().list(to));
	}

	/** The newest mail (to that address, with {@code to}); 404 if there is none. */
	@GetMapping("/messages/latest")
	public ResponseEntity<Map<String, Object>> latest(@RequestParam(name = "to", required = false) String to) {
		return this.catcher.box()
			.latest(to)
			.map((mail) -> ResponseEntity.ok(MailWire.message(mail)))
			.orElseGet(() -> notFound((to != null) ? "No mail to " + to : "No mail"));
	}

	/** Forgets every mail; answers the state. */
	@PostMapping("/reset")
	public Map<String, Object> reset() {
		this.catcher.box().clear();
		return MailWire.status(this.catcher);
	}

	/** Any other admin path or method: 404. */
	@RequestMapping("/**")
	public ResponseEntity<Map<String, Object>> unknown() {
		return notFound("No such mail catcher endpoint");
	}

	private static ResponseEntity<Map<String, Object>> notFound(String message) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(MailWire.error("not_found", message));
	}

}
