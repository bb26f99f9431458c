package eco.qubeprepaid.sandbox.mail;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mail as the catcher received it, already decoded (RFC 2047 subject, the text body
 * in its declared charset), so nothing of the MIME message is kept.
 *
 * @param id the catcher's sequence number, from 1, never reused until a restart
 * @param from the {@code From} header as Unicode text (the envelope sender if none)
 * @param to the envelope recipients ({@code RCPT TO}), Bcc included, in order
 * @param subject the decoded subject ({@code ""} if none)
 * @param body the {@code text/plain} body (of a multipart mail the first text/plain part,
 * else the first text part)
 * @param headers the top-level headers by name in the mail's order, decoded and unfolded;
 * a repeated header's values joined by {@code ", "}
 * @param receivedAt when the catcher received it
 */
public record CaughtMail(long id, String from, List<String> to, String subject, String body,
		Map<String, String> headers, Instant receivedAt) {

	public CaughtMail {
		to = List.copyOf(to);
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/**
	 * Whether the mail went to this address (case-insensitive, as mailbox domains are).
	 */
	public boolean isTo(String address) {
		String wanted = address.trim();
		return this.to.stream().anyMatch(wanted::equalsIgnoreCase);
	}

}
