package eco.qubeprepaid.sandbox.qube.model;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rolling-window (sliding log) request limit per API key (G14). A request is counted
 * when it arrives; rejected requests are not counted
 * ({@link SimChoices#RATE_LIMIT_COUNTS_REJECTED}). The default limit and per-key
 * overrides can change at runtime.
 */
public final class RateLimiter {

	private final Map<String, Limit> overrides = new ConcurrentHashMap<>();

	private final Map<String, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();

	private volatile Limit defaultLimit;

	public RateLimiter(Limit defaultLimit) {
		this.defaultLimit = defaultLimit;
	}

	/** Counts a request of the key at the given real time, or refuses it. */
	public Decision acquire(String key, long realMillis) {
		Limit limit = limitFor(key);
		long windowMillis = limit.windowSeconds() * 1000L;
		ArrayDeque<Long> log = this.windows.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (log) {
			while (!log.isEmpty() && log.peekFirst() <= realMillis - windowMillis) {
				log.pollFirst();
			}
			boolean allowed = log.size() < limit.requests();
			if (allowed || SimChoices.RATE_LIMIT_COUNTS_REJECTED) {
				log.addLast(realMillis);
			}
			long oldest = log.isEmpty() ? realMillis : log.peekFirst();
			long freeAtMillis = oldest + windowMillis;
			long retryAfter = Math.max(1, ceilDiv(freeAtMillis - realMillis, 1000));
			int remaining = Math.max(0, limit.requests() - log.size());
			return new Decision(allowed, limit.requests(), remaining, ceilDiv(freeAtMillis, 1000), retryAfter);
		}
	}

	public Limit limitFor(String key) {
		return this.overrides.getOrDefault(key, this.defaultLimit);
	}

	public Limit defaultLimit() {
		return this.defaultLimit;
	}

	/** Changes the limit of every key without an override. */
	public void setDefaultLimit(Limit limit) {
		this.defaultLimit = limit;
	}

	/** Gives one key its own limit. */
	public void setLimit(String key, Limit limit) {
		this.overrides.put(key, limit);
	}

	/** Forgets all overrides and counted requests, and restores the given default. */
	public void reset(Limit limit) {
		this.overrides.clear();
		this.windows.clear();
		this.defaultLimit = limit;
	}

	private static long ceilDiv(long a, long b) {
		return -Math.floorDiv(-a, b);
	}

	/**
	 * A limit.
	 *
	 * @param requests requests allowed per window, at least 1
	 * @param windowSeconds window length in seconds, at least 1
	 */
	public record Limit(int requests, int windowSeconds) {

		public Limit {
			if (requests < 1 || windowSeconds < 1) {
				throw new IllegalArgumentException("requests and window_seconds must be at least 1");
			}
		}

	}

	/**
	 * The outcome for one request, with the values of the X-RateLimit headers.
	 *
	 * @param allowed whether the request may proceed
	 * @param limit requests per window
	 * @param remaining requests left in the window now
	 * @param resetEpochSeconds when the oldest counted request leaves the window
	 * @param retryAfterSeconds whole seconds until a slot frees, at least 1
	 */
	public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {
	}

}
