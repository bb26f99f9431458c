package eco.qubeprepaid.sandbox.messaging.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many sends the provider answered, by outcome, since start or the last reset (the
 * admin view; the Micrometer counter never resets). Thread-safe.
 */
public final class SendCounters {

	private final Map<SendOutcome, AtomicLong> counts = new EnumMap<>(SendOutcome.class);

	public SendCounters() {
		for (SendOutcome outcome : SendOutcome.values()) {
			this.counts.put(outcome, new AtomicLong());
		}
	}

	/** Counts one send. */
	public void record(SendOutcome outcome) {
		this.counts.get(outcome).incrementAndGet();
	}

	/** The sends with this outcome. */
	public long count(SendOutcome outcome) {
		return this.counts.get(outcome).get();
	}

	/** Every send, whatever the answer. */
	public long attempted() {
		return this.counts.values().stream().mapToLong(AtomicLong::get).sum();
	}

	/** Back to zero. */
	public void reset() {
		this.counts.values().forEach((count) -> count.set(0));
	}

}
