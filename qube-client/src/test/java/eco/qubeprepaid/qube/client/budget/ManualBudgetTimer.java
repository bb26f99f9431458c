package eco.qubeprepaid.qube.client.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link BudgetTimer} whose time moves only when a test advances it; scheduled tasks
 * run in time order as their instant is passed.
 */
final class ManualBudgetTimer implements BudgetTimer {

	private final List<Scheduled> tasks = new ArrayList<>();

	private Instant now = Instant.parse("2025-09-01T00:00:00Z");

	@Override
	public synchronized Instant now() {
		return this.now;
	}

	@Override
	public synchronized void schedule(Instant when, Runnable task) {
		this.tasks.add(new Scheduled(when, task));
	}

	/**
	 * Moves time forward, running every task that falls due on the way at its own
	 * instant.
	 * @param duration how far to move
	 */
	void advance(Duration duration) {
		Instant target;
		synchronized (this) {
			target = this.now.plus(duration);
		}
		while (true) {
			Scheduled next;
			synchronized (this) {
				next = this.tasks.stream()
					.filter((task) -> !task.when().isAfter(target))
					.min(Comparator.comparing(Scheduled::when))
					.orElse(null);
				if (next == null) {
					this.now = target;
					return;
				}
				this.tasks.remove(next);
				if (next.when().isAfter(this.now)) {
					this.now = next.when();
				}
			}
			next.task().run();
		}
	}

	private record Scheduled(Instant when, Runnable task) {
	}

}
