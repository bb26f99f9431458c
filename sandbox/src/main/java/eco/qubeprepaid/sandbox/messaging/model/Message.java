package eco.qubeprepaid.sandbox.messaging.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One accepted message. Its fate (delivered, or failed with an error) is drawn when it is
 * accepted, so a seeded run is reproducible, and becomes its status when the receipt time
 * comes ({@link #settle}). Also keeps the ground truth of its receipt: every POST attempt
 * and whether one got through. Thread-safe; read it through {@link #view()}.
 */
public final class Message {

	private final String id;

	private final SendRequest request;

	private final Instant createdAt;

	private final MessageStatus fate;

	private final String fateError;

	private MessageStatus status = MessageStatus.QUEUED;

	private String error;

	private Instant settledAt;

	private ReceiptState receiptState = ReceiptState.NONE;

	private final List<ReceiptAttempt> receiptAttempts = new ArrayList<>();

	Message(String id, SendRequest request, Instant createdAt, MessageStatus fate, String fateError) {
		this.id = id;
		this.request = request;
		this.createdAt = createdAt;
		this.fate = fate;
		this.fateError = fateError;
	}

	public String id() {
		return this.id;
	}

	/** What was asked for. */
	public SendRequest request() {
		return this.request;
	}

	/** The status now. */
	public synchronized MessageStatus status() {
		return this.status;
	}

	/**
	 * Moves a queued message to its fate at the given time.
	 * @return the receipt, or null when it was settled already
	 */
	synchronized Receipt settle(Instant at) {
		if (this.status != MessageStatus.QUEUED) {
			return null;
		}
		this.status = this.fate;
		this.error = this.fateError;
		this.settledAt = at;
		return new Receipt(this.id, this.request.clientReference(), this.request.channel(), this.status, this.error,
				at);
	}

	/** A receipt of this message is on its way to the receipt URL. */
	public synchronized void receiptQueued() {
		this.receiptState = ReceiptState.PENDING;
	}

	/** Records one POST of the receipt. */
	public synchronized void receiptAttempted(ReceiptAttempt attempt) {
		this.receiptAttempts.add(attempt);
		if (attempt.delivered()) {
			this.receiptState = ReceiptState.DELIVERED;
		}
	}

	/** No further attempt will be made (out of attempts, URL cleared, or a reset). */
	public synchronized void receiptAbandoned() {
		if (this.receiptState == ReceiptState.PENDING) {
			this.receiptState = ReceiptState.GAVE_UP;
		}
	}

	/** A consistent copy of everything about the message. */
	public synchronized View view() {
		return new View(this.id, this.request, this.status, this.error, this.createdAt, this.settledAt,
				this.receiptState, List.copyOf(this.receiptAttempts));
	}

	/** Where a message's receipt is. */
	public enum ReceiptState {

		/**
		 * None sent: the message is queued, or no receipt URL was set when it settled.
		 */
		NONE("none"),

		/** Being sent or waiting for a retry. */
		PENDING("pending"),

		/** A 2xx came back. */
		DELIVERED("delivered"),

		/** Every attempt failed (or the URL was cleared); no more are made. */
		GAVE_UP("gave_up");

		private final String wire;

		ReceiptState(String wire) {
			this.wire = wire;
		}

		/** The name on the wire. */
		public String wire() {
			return this.wire;
		}

	}

	/**
	 * A copy of a message at one moment.
	 *
	 * @param id the message id
	 * @param request what was asked for
	 * @param status where it is
	 * @param error null, {@code undelivered} or {@code dnd_blocked}
	 * @param createdAt when it was accepted
	 * @param settledAt when it was delivered or failed, or null while queued
	 * @param receiptState where its receipt is
	 * @param receiptAttempts every POST of its receipt, oldest first
	 */
	public record View(String id, SendRequest request, MessageStatus status, String error, Instant createdAt,
			Instant settledAt, ReceiptState receiptState, List<ReceiptAttempt> receiptAttempts) {

	}

}
