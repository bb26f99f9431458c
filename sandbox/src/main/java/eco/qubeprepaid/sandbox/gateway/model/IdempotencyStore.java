package eco.qubeprepaid.sandbox.gateway.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The refund idempotency keys: a key's first request claims it (in flight), and once that
 * request made a refund the key answers the same refund to the same request and refuses a
 * different one. A first request that is refused releases its key, so nothing is
 * remembered for it. Thread-safe.
 */
public final class IdempotencyStore {

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Claims the key for the request.
	 * @param key the idempotency key
	 * @param request what is asked
	 * @return {@link Claim.Fresh} (the caller must {@link #complete} or
	 * {@link #release}), {@link Claim.Replay}, {@link Claim.InFlight} or
	 * {@link Claim.Mismatch}
	 */
	public Claim claim(String key, RefundRequest request) {
		Entry mine = new Entry(request, null);
		Entry existing = this.entries.putIfAbsent(key, mine);
		if (existing == null) {
			return new Claim.Fresh();
		}
		String mismatch = existing.request().mismatch(request);
		if (mismatch != null) {
			return new Claim.Mismatch(mismatch);
		}
		if (existing.refundId() == null) {
			return new Claim.InFlight();
		}
		return new Claim.Replay(existing.refundId());
	}

	/** The claimed key's request made this refund. */
	public void complete(String key, String refundId) {
		this.entries.computeIfPresent(key, (k, entry) -> new Entry(entry.request(), refundId));
	}

	/** The claimed key's request was refused: forget the key. */
	public void release(String key) {
		this.entries.computeIfPresent(key, (k, entry) -> (entry.refundId() == null) ? null : entry);
	}

	/** Forgets every key. */
	public void clear() {
		this.entries.clear();
	}

	private record Entry(RefundRequest request, String refundId) {
	}

	/** The answer to a claim. */
	public sealed interface Claim {

		/** The key is new: go ahead. */
		record Fresh() implements Claim {
		}

		/** The same request made this refund before: answer it again. */
		record Replay(String refundId) implements Claim {
		}

		/** The key's first request is still being processed: 409. */
		record InFlight() implements Claim {
		}

		/** The key was used with a request that differs in this field: 400. */
		record Mismatch(String field) implements Claim {
		}

	}

}
