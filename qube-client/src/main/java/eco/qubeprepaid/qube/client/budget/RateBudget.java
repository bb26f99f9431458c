package eco.qubeprepaid.qube.client.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The request budget of one API key: at most {@code limit} requests in any rolling
 * {@code window}, handed out by priority.
 *
 * <p>
 * A caller takes a {@link Permit} before sending and releases it when the response (or
 * the failure) has arrived. The slot stays held from the grant until <em>release time +
 * window</em>. A server that counts a request at its arrival frees its own slot at
 * arrival + window, which is never later than ours, so the server never sees more than
 * {@code limit} requests in any of its windows.
 *
 * <p>
 * Waiters are served highest {@link Priority} first and first-in first-out within a
 * priority. A {@link #pauseUntil pause} (after a 429 with {@code Retry-After}) stops all
 * grants until it ends. This class holds no HTTP logic and is thread-safe.
 */
public final class RateBudget {

	private final String keyName;

	private final BudgetSettings settings;

	private final BudgetTimer timer;

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<Priority, ArrayDeque<CompletableFuture<Permit>>> queues = new EnumMap<>(Priority.class);

	/** Instants at which released slots become free again, earliest first. */
	private final PriorityQueue<Instant> heldUntil = new PriorityQueue<>();

	private int inFlight;

	private Instant pausedUntil = Instant.MIN;

	private Instant nextWakeUp;

	private Counter rateLimitedCounter;

	/**
	 * Creates a budget; most code gets one from {@link RateBudgetRegistry} instead, so
	 * that every caller of a key shares it.
	 * @param keyName the non-secret name of the API key, used in metrics and messages
	 * @param settings the limit and window
	 * @param timer the time source
	 */
	public RateBudget(String keyName, BudgetSettings settings, BudgetTimer timer) {
		this.keyName = Objects.requireNonNull(keyName, "keyName");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.timer = Objects.requireNonNull(timer, "timer");
		for (Priority priority : Priority.values()) {
			this.queues.put(priority, new ArrayDeque<>());
		}
	}

	/**
	 * Registers the budget gauges and the rate-limit counter, tagged with the key name
	 * (never the key itself).
	 * @param registry the registry to bind to
	 */
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("qube.api.budget.used", this, RateBudget::used)
			.tag("key", this.keyName)
			.description("Slots of the Qube rate budget held now")
			.register(registry);
		Gauge.builder("qube.api.budget.remaining", this, RateBudget::remaining)
			.tag("key", this.keyName)
			.description("Slots of the Qube rate budget free now")
			.register(registry);
		for (Priority priority : Priority.values()) {
			Gauge.builder("qube.api.budget.queue", this, (budget) -> budget.queued(priority))
				.tag("key", this.keyName)
				.tag("priority", priority.name().toLowerCase())
				.description("Callers waiting for a Qube rate budget slot")
				.register(registry);
		}
		this.rateLimitedCounter = Counter.builder("qube.api.rate.limited")
			.tag("key", this.keyName)
			.description("429 responses that paused the Qube rate budget")
			.register(registry);
	}

	/**
	 * Waits for a slot.
	 * @param priority the caller's priority
	 * @return the permit, to be released when the response has arrived
	 * @throws InterruptedException if interrupted while waiting; no slot is then held
	 */
	public Permit acquire(Priority priority) throws InterruptedException {
		CompletableFuture<Permit> ticket = acquireAsync(priority);
		try {
			return ticket.get();
		}
		catch (InterruptedException ex) {
			cancel(ticket, priority);
			throw ex;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A budget ticket cannot fail", ex.getCause());
		}
	}

	/**
	 * Joins the queue and returns at once; the future completes when a slot is granted.
	 * @param priority the caller's priority
	 * @return a future of the permit
	 */
	public CompletableFuture<Permit> acquireAsync(Priority priority) {
		CompletableFuture<Permit> ticket = new CompletableFuture<>();
		this.lock.lock();
		try {
			this.queues.get(priority).addLast(ticket);
		}
		finally {
			this.lock.unlock();
		}
		pump();
		return ticket;
	}

	/**
	 * Stops all grants until {@code until} (or longer, if a later pause is already set).
	 * @param until the end of the pause
	 */
	public void pauseUntil(Instant until) {
		this.lock.lock();
		try {
			if (until.isAfter(this.pausedUntil)) {
				this.pausedUntil = until;
			}
		}
		finally {
			this.lock.unlock();
		}
		if (this.rateLimitedCounter != null) {
			this.rateLimitedCounter.increment();
		}
		pump();
	}

	/**
	 * Pauses for a duration from now, as a {@code Retry-After} asks.
	 * @param retryAfter how long to pause
	 */
	public void pauseFor(Duration retryAfter) {
		pauseUntil(this.timer.now().plus(retryAfter));
	}

	/**
	 * Returns the number of slots held now: in flight plus released but not yet expired.
	 * @return the slots in use
	 */
	public int used() {
		this.lock.lock();
		try {
			expire(this.timer.now());
			return this.inFlight + this.heldUntil.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns the number of slots free now (ignoring any pause).
	 * @return {@code limit - used}
	 */
	public int remaining() {
		return Math.max(0, this.settings.limit() - used());
	}

	/**
	 * Returns how many callers of a priority are waiting.
	 * @param priority the priority
	 * @return the queue depth
	 */
	public int queued(Priority priority) {
		this.lock.lock();
		try {
			return this.queues.get(priority).size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns whether grants are paused now.
	 * @return true during a {@code Retry-After} pause
	 */
	public boolean isPaused() {
		this.lock.lock();
		try {
			return this.timer.now().isBefore(this.pausedUntil);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns the settings.
	 * @return the limit and window
	 */
	public BudgetSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the key name.
	 * @return the non-secret key name
	 */
	public String keyName() {
		return this.keyName;
	}

	/**
	 * Returns the time source.
	 * @return the timer this budget runs on
	 */
	public BudgetTimer timer() {
		return this.timer;
	}

	/**
	 * Grants as many waiting tickets as the budget allows now, and schedules a wake-up
	 * for the next moment a slot frees or the pause ends. The futures are completed
	 * outside the lock so that no caller code ever runs while the budget is locked.
	 */
	private void pump() {
		List<CompletableFuture<Permit>> granted = new ArrayList<>();
		this.lock.lock();
		try {
			Instant now = this.timer.now();
			expire(now);
			if (this.nextWakeUp != null && !this.nextWakeUp.isAfter(now)) {
				this.nextWakeUp = null;
			}
			while (!now.isBefore(this.pausedUntil) && this.inFlight + this.heldUntil.size() < this.settings.limit()) {
				CompletableFuture<Permit> ticket = nextWaiter();
				if (ticket == null) {
					break;
				}
				this.inFlight++;
				granted.add(ticket);
			}
			scheduleWakeUp(now);
		}
		finally {
			this.lock.unlock();
		}
		for (CompletableFuture<Permit> ticket : granted) {
			Permit permit = new Permit();
			if (!ticket.complete(permit)) {
				// The waiter gave up between the grant and now, so the slot was never
				// used.
				permit.abandon();
			}
		}
	}

	private void scheduleWakeUp(Instant now) {
		if (!hasWaiters()) {
			return;
		}
		Instant wakeUp = null;
		if (now.isBefore(this.pausedUntil)) {
			wakeUp = this.pausedUntil;
		}
		else if (!this.heldUntil.isEmpty()) {
			wakeUp = this.heldUntil.peek();
		}
		// With every slot in flight there is nothing to wait for: the next release pumps.
		if (wakeUp != null && (this.nextWakeUp == null || wakeUp.isBefore(this.nextWakeUp))) {
			this.nextWakeUp = wakeUp;
			this.timer.schedule(wakeUp, this::pump);
		}
	}

	private CompletableFuture<Permit> nextWaiter() {
		for (Priority priority : Priority.values()) {
			ArrayDeque<CompletableFuture<Permit>> queue = this.queues.get(priority);
			while (!queue.isEmpty()) {
				CompletableFuture<Permit> ticket = queue.pollFirst();
				if (!ticket.isDone()) {
					return ticket;
				}
			}
		}
		return null;
	}

	private boolean hasWaiters() {
		return this.queues.values().stream().anyMatch((queue) -> !queue.isEmpty());
	}

	private void expire(Instant now) {
		while (!this.heldUntil.isEmpty() && !this.heldUntil.peek().isAfter(now)) {
			this.heldUntil.poll();
		}
	}

	private void cancel(CompletableFuture<Permit> ticket, Priority priority) {
		this.lock.lock();
		try {
			this.queues.get(priority).remove(ticket);
		}
		finally {
			this.lock.unlock();
		}
		if (!ticket.cancel(false)) {
			// Granted just before the interrupt: hand the unused slot back.
			ticket.join().abandon();
		}
	}

	private void free(Instant holdUntil) {
		this.lock.lock();
		try {
			this.inFlight--;
			if (holdUntil != null) {
				this.heldUntil.add(holdUntil);
			}
		}
		finally {
			this.lock.unlock();
		}
		pump();
	}

	/**
	 * One granted slot. Release it exactly once; further calls do nothing.
	 */
	public final class Permit {

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit() {
		}

		/**
		 * Marks the response (or failure) as received now; the slot frees one window
		 * later.
		 */
		public void release() {
			if (this.released.compareAndSet(false, true)) {
				free(RateBudget.this.timer.now().plus(RateBudget.this.settings.window()));
			}
		}

		/**
		 * Hands the slot back at once because no request was sent with it.
		 */
		public void abandon() {
			if (this.released.compareAndSet(false, true)) {
				free(null);
			}
		}

	}

}
