package eco.qubeprepaid.poller.runtime;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * How every worker of the poller waits between rounds: {@link #pause(Duration)} returns
 * after the duration, or at once when the workers are halted, so a stop never waits out
 * an idle delay. One pacer is shared by all workers; {@link PollerRuntime} resumes it at
 * start and halts it at stop.
 */
@Component
public class Pacer {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition halted = this.lock.newCondition();

	private volatile boolean running;

	/** Lets the workers run: pauses last their full duration again. */
	public void resume() {
		this.running = true;
	}

	/** Stops the workers: every pause in progress and to come returns {@code false}. */
	public void halt() {
		this.lock.lock();
		try {
			this.running = false;
			this.halted.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether the workers should go on.
	 * @return {@code false} once halted
	 */
	public boolean running() {
		return this.running;
	}

	/**
	 * Waits for a duration on the calling worker's thread.
	 * @param duration how long
	 * @return {@code true} to go on, {@code false} if the workers are halted (or the
	 * thread was interrupted, whose flag is then set again)
	 */
	public boolean pause(Duration duration) {
		long nanos = duration.toNanos();
		this.lock.lock();
		try {
			while (this.running && nanos > 0) {
				nanos = this.halted.awaitNanos(nanos);
			}
			return this.running;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

}
