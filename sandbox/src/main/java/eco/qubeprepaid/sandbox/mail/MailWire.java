package eco.qubeprepaid.sandbox.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the mail catcher's admin API (camelCase, like the messaging one).
 */
final class MailWire {

	/** Times are Indian Standard Time, as the rest of the sandbox shows them. */
	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	/** ISO-8601 with milliseconds and the +05:30 offset, always the same width. */
	static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx")
		.withZone(IST);

	private MailWire() {
	}

	static String time(Instant instant) {
		return TIME_FORMAT.format(instant);
	}

	/** {@code {"count":n,"messages":[…]}}, in the given order. */
	static Map<String, Object> messages(List<CaughtMail> mails) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("count", mails.size());
		out.put("messages", mails.stream().map(MailWire::message).toList());
		return out;
	}

	static Map<String, Object> message(CaughtMail mail) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", mail.id());
		out.put("from", mail.from());
		out.put("to", mail.to());
		out.put("subject", mail.subject());
		out.put("body", mail.body());
		out.put("headers", mail.headers());
		out.put("receivedAt", time(mail.receivedAt()));
		return out;
	}

	/** The catcher's state: where it listens, how much it keeps. */
	static Map<String, Object> status(MailCatcher catcher) {
		Map<String, Object> smtp = new LinkedHashMap<>();
		smtp.put("host", catcher.host());
		smtp.put("port", catcher.port());
		smtp.put("listening", catcher.listening());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("smtp", smtp);
		out.put("count", catcher.box().count());
		out.put("maxMessages", catcher.box().maxMessages());
		out.put("dropped", catcher.box().dropped());
		return out;
	}

	/** The error body of a refusal: {@code {"error":code,"message":text}}. */
	static Map<String, Object> error(String code, String message) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("error", code);
		out.put("message", message);
		return out;
	}

}
