package eco.qubeprepaid.sandbox.messaging.model;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The simulated messaging provider: accepts sends (idempotent on clientReference), keeps
 * every accepted message in memory, applies the faults of its settings and settles each
 * message into its receipt. Pure and thread-safe; ids and fault draws come from a seeded
 * source (reproducible runs) or a secure one, each from its own stream so a fault change
 * does not shift the ids.
 *
 * <p>
 * Sending receipts is not done here: a {@link Listener} hears of every accepted message
 * (after the lock is released) and calls {@link #settle} when its receipt time comes.
 */
public final class Messenger {

	private final Clock clock;

	private final Random ids;

	private final Random draws;

	private final Map<String, Message> byId = new HashMap<>();

	private final Map<String, Message> byReference = new HashMap<>();

	private final List<Message> messages = new ArrayList<>();

	private volatile MessagingSettings settings;

	private volatile Listener listener = Listener.NONE;

	/**
	 * A provider on the clock with the start settings.
	 * @param clock the real clock (times on the wire are converted to IST)
	 * @param seed seed of ids and fault draws, or null for a secure random source
	 * @param settings the start settings
	 */
	public Messenger(Clock clock, Long seed, MessagingSettings settings) {
		this.clock = clock;
		this.ids = (seed != null) ? new Random(seed) : new SecureRandom();
		this.draws = (seed != null) ? new Random(seed + 1) : new SecureRandom();
		this.settings = settings;
	}

	public void setListener(Listener listener) {
		this.listener = (listener != null) ? listener : Listener.NONE;
	}

	public Clock clock() {
		return this.clock;
	}

	public MessagingSettings settings() {
		return this.settings;
	}

	/** Applies a partial change; a refused one changes nothing. */
	public synchronized MessagingSettings updateSettings(MessagingSettings.Patch patch) {
		this.settings = this.settings.with(patch);
		return this.settings;
	}

	/**
	 * Refuses with 503 during the outage fault. Checked before the body is read, so
	 * during an outage even a malformed send answers 503.
	 */
	public void ensureAvailable() {
		if (this.settings.outage()) {
			throw MessagingException.outage();
		}
	}

	/**
	 * Sends a message: the outage fault (503), the failure fault (500), then idempotency
	 * on the clientReference: the same payload again answers the message already
	 * accepted, a different one is a 409 conflict. Anything refused records nothing.
	 * @param request a validated request
	 * @return the message and whether it was a repeat
	 */
	public Sent send(SendRequest request) {
		Sent sent;
		long receiptDelayMs;
		synchronized (this) {
			ensureAvailable();
			MessagingSettings current = this.settings;
			if (draw(current.failureRatio())) {
				throw MessagingException.injectedFailure();
			}
			Message existing = this.byReference.get(request.clientReference());
			if (existing != null) {
				String differs = existing.request().firstDifference(request);
				if (differs != null) {
					throw MessagingException.conflict(request.clientReference(), differs);
				}
				return new Sent(existing, true);
			}
			sent = new Sent(accept(request, current), false);
			receiptDelayMs = current.receiptDelayMs();
		}
		this.listener.accepted(sent.message(), receiptDelayMs);
		return sent;
	}

	private Message accept(SendRequest request, MessagingSettings current) {
		MessageStatus fate = MessageStatus.DELIVERED;
		String error = null;
		if (current.blocks(request.to())) {
			fate = MessageStatus.FAILED;
			error = MessagingChoices.ERROR_DND_BLOCKED;
		}
		else if (draw(current.undeliverableRatio())) {
			fate = MessageStatus.FAILED;
			error = MessagingChoices.ERROR_UNDELIVERED;
		}
		Message message = new Message(nextId(), request, this.clock.instant(), fate, error);
		this.byId.put(message.id(), message);
		this.byReference.put(request.clientReference(), message);
		this.messages.add(message);
		return message;
	}

	/**
	 * Settles a queued message now: it becomes delivered or failed as drawn at
	 * acceptance.
	 * @return its receipt, or null when it was settled already
	 */
	public Receipt settle(Message message) {
		return message.settle(this.clock.instant());
	}

	/** One message (404 for an unknown id). */
	public synchronized Message message(String id) {
		Message message = this.byId.get(id);
		if (message == null) {
			throw MessagingException.messageNotFound(id);
		}
		return message;
	}

	/**
	 * Every accepted message, oldest first; only those to {@code to} unless it is null.
	 */
	public synchronized List<Message> messages(String to) {
		return this.messages.stream().filter((m) -> to == null || to.equals(m.request().to())).toList();
	}

	/**
	 * Forgets every message and returns to the given settings (ids go on, never repeat).
	 */
	public synchronized void reset(MessagingSettings startSettings) {
		this.byId.clear();
		this.byReference.clear();
		this.messages.clear();
		this.settings = startSettings;
	}

	private String nextId() {
		StringBuilder id = new StringBuilder(MessagingChoices.MESSAGE_PREFIX);
		for (int i = 0; i < MessagingChoices.ID_RANDOM_LENGTH; i++) {
			id.append(MessagingChoices.ID_ALPHABET.charAt(this.ids.nextInt(MessagingChoices.ID_ALPHABET.length())));
		}
		String value = id.toString();
		// 62^14 makes a clash all but impossible; a retry keeps ids unique regardless.
		return this.byId.containsKey(value) ? nextId() : value;
	}

	/** Draws a fault of the ratio; 0 and 1 draw nothing, so they never shift a seed. */
	private boolean draw(double ratio) {
		if (ratio <= 0) {
			return false;
		}
		return ratio >= 1 || this.draws.nextDouble() < ratio;
	}

	/**
	 * The answer to a send.
	 *
	 * @param message the message accepted now or before
	 * @param duplicate whether the send repeated an accepted message
	 */
	public record Sent(Message message, boolean duplicate) {

	}

	/** Hears of accepted messages, outside the provider's lock. */
	public interface Listener {

		/** Does nothing. */
		Listener NONE = (message, receiptDelayMs) -> {
		};

		/** A new message whose receipt is due after the delay. */
		void accepted(Message message, long receiptDelayMs);

	}

}
