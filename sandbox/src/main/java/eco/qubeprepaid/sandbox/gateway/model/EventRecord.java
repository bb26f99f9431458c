package eco.qubeprepaid.sandbox.gateway.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The ground truth of one event: the event, its exact body, and every delivery attempt
 * with its outcome. Thread-safe: delivery workers record attempts while the API reads.
 */
public final class EventRecord {

	private final Event event;

	private final byte[] body;

	private final boolean suppressed;

	private final List<Attempt> attempts = new ArrayList<>();

	private boolean dropped;

	private boolean delivered;

	private boolean gaveUp;

	private int pendingDeliveries;

	EventRecord(Event event, byte[] body, boolean suppressed) {
		this.event = event;
		this.body = body.clone();
		this.suppressed = suppressed;
	}

	public Event event() {
		return this.event;
	}

	public String id() {
		return this.event.id();
	}

	/** The exact body bytes every delivery sends (a copy). */
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * Whether its payment's events are never delivered (admin pay with webhooks false).
	 */
	public boolean suppressed() {
		return this.suppressed;
	}

	/** Whether the drop fault took it (never delivered, for reconciliation). */
	public synchronized boolean dropped() {
		return this.dropped;
	}

	/** Marks it dropped by the drop fault. */
	public synchronized void markDropped() {
		this.dropped = true;
	}

	/** Records an attempt. */
	public synchronized void record(Attempt attempt) {
		this.attempts.add(attempt);
		if (attempt.delivered()) {
			this.delivered = true;
		}
	}

	/** Every attempt so far, in order. */
	public synchronized List<Attempt> attempts() {
		return List.copyOf(this.attempts);
	}

	/** Whether some attempt was answered with a 2xx. */
	public synchronized boolean delivered() {
		return this.delivered;
	}

	/** A delivery (the original, a duplicate or a redelivery) was queued. */
	public synchronized void deliveryQueued() {
		this.pendingDeliveries++;
	}

	/** A queued delivery ended (delivered, given up or discarded). */
	public synchronized void deliveryEnded() {
		if (this.pendingDeliveries > 0) {
			this.pendingDeliveries--;
		}
	}

	/** Deliveries queued or in flight. */
	public synchronized int pendingDeliveries() {
		return this.pendingDeliveries;
	}

	/**
	 * A delivery ran out of attempts; true the first time for an undelivered event, so
	 * the caller logs one line per event.
	 */
	public synchronized boolean gaveUp() {
		if (this.gaveUp || this.delivered) {
			return false;
		}
		this.gaveUp = true;
		return true;
	}

}
