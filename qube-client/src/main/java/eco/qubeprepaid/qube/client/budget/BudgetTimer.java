package eco.qubeprepaid.qube.client.budget;

import java.time.Instant;

/**
 * The time source of a {@link RateBudget}: tells the time and wakes the budget up later.
 * Tests inject a manual implementation so that rolling windows can be checked without
 * waiting.
 */
public interface BudgetTimer {

	/**
	 * Returns the current instant.
	 * @return now
	 */
	Instant now();

	/**
	 * Runs {@code task} once, at or shortly after {@code when}.
	 * @param when the earliest instant to run at
	 * @param task what to run
	 */
	void schedule(Instant when, Runnable task);

}
