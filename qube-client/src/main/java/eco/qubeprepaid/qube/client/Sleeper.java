package eco.qubeprepaid.qube.client;

import java.time.Duration;

/**
 * Waits between retries. Tests inject one that records the backoffs instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {

	/** Really waits. */
	Sleeper SYSTEM = (duration) -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

	/**
	 * Waits for a duration.
	 * @param duration how long
	 * @throws InterruptedException if interrupted
	 */
	void sleep(Duration duration) throws InterruptedException;

}
