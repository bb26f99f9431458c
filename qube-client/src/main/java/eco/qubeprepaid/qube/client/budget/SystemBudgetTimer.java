package eco.qubeprepaid.qube.client.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BudgetTimer} over a {@link Clock} and one daemon scheduler thread. The thread
 * only re-evaluates budgets when a held slot expires or a pause ends, so it is cheap to
 * share.
 */
public final class SystemBudgetTimer implements BudgetTimer {

	private static final SystemBudgetTimer SYSTEM = new SystemBudgetTimer(Clock.systemUTC());

	private final Clock clock;

	private final ScheduledExecutorService scheduler;

	/**
	 * Creates a timer over the given clock with its own daemon scheduler thread.
	 * @param clock the clock to read
	 */
	public SystemBudgetTimer(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "qube-budget-timer");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Returns the process-wide timer over the UTC system clock.
	 * @return the shared timer
	 */
	public static SystemBudgetTimer system() {
		return SYSTEM;
	}

	@Override
	public Instant now() {
		return this.clock.instant();
	}

	@Override
	public void schedule(Instant when, Runnable task) {
		// One extra millisecond so that the task never runs just before the instant it
		// waits for.
		long delayMicros = Math.max(0, Duration.between(now(), when).toNanos() / 1000) + 1000;
		this.scheduler.schedule(task, delayMicros, TimeUnit.MICROSECONDS);
	}

}
