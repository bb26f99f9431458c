package eco.qubeprepaid.sandbox.mail;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caught mails, oldest first, at most {@code maxMessages} of them: adding one more
 * drops the oldest, so a sandbox left running for days holds a bounded amount of mail.
 * Thread-safe (SMTP sessions add while the admin API reads).
 */
public class MailBox {

	private final int maxMessages;

	private final Deque<CaughtMail> mails = new ArrayDeque<>();

	private long nextId = 1;

	private long dropped;

	public MailBox(int maxMessages) {
		if (maxMessages < 1) {
			throw new IllegalArgumentException("maxMessages must be at least 1, not " + maxMessages);
		}
		this.maxMessages = maxMessages;
	}

	/** Keeps a mail under the next id, dropping the oldest beyond the limit. */
	public synchronized CaughtMail add(String from, List<String> to, String subject, String body,
			Map<String, String> headers, Instant receivedAt) {
		CaughtMail mail = new CaughtMail(this.nextId++, from, to, subject, body, headers, receivedAt);
		this.mails.addLast(mail);
		while (this.mails.size() > this.maxMessages) {
			this.mails.removeFirst();
			this.dropped++;
		}
		return mail;
	}

	/** Every kept mail, oldest first; with {@code to}, only those to that address. */
	public synchronized List<CaughtMail> list(String to) {
		return this.mails.stream().filter((mail) -> to == null || mail.isTo(to)).toList();
	}

	/** The newest kept mail (to that address, if {@code to} is given). */
	public synchronized Optional<CaughtMail> latest(String to) {
		List<CaughtMail> matching = list(to);
		return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
	}

	/** Forgets every mail and the dropped count (ids go on, so none is reused). */
	public synchronized void clear() {
		this.mails.clear();
		this.dropped = 0;
	}

	public synchronized int count() {
		return this.mails.size();
	}

	/** Mails dropped for the limit since start or the last {@link #clear()}. */
	public synchronized long dropped() {
		return this.dropped;
	}

	public int maxMessages() {
		return this.maxMessages;
	}

}
