package eco.qubeprepaid.qube.client.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import eco.qubeprepaid.qube.client.budget.RateBudget.Permit;

import static org.assertj.core.api.Assertions.assertThat;

class RateBudgetTest {

	private static final Duration WINDOW = Duration.ofSeconds(60);

	private final ManualBudgetTimer timer = new ManualBudgetTimer();

	@Test
	void neverAdmitsMoreThanLimitInAnyRollingWindow() {
		RateBudget budget = new RateBudget("test", new BudgetSettings(10, WINDOW), this.timer);
		Random random = new Random(42);
		List<Instant> grants = new ArrayList<>();
		List<CompletableFuture<Permit>> pending = new ArrayList<>();
		List<Permit> inFlight = new ArrayList<>();
		for (int step = 0; step < 3000; step++) {
			int action = random.nextInt(3);
			if (action == 0) {
				pending.add(budget.acquireAsync(Priority.values()[random.nextInt(3)]));
			}
			else if (action == 1 && !inFlight.isEmpty()) {
				inFlight.remove(random.nextInt(inFlight.size())).release();
			}
			else {
				this.timer.advance(Duration.ofMillis(random.nextInt(4000)));
			}
			for (CompletableFuture<Permit> ticket : new ArrayList<>(pending)) {
				if (ticket.isDone()) {
					grants.add(this.timer.now());
					inFlight.add(ticket.join());
					pending.remove(ticket);
				}
			}
		}
		assertThat(grants).hasSizeGreaterThan(200);
		for (Instant grant : grants) {
			long inWindow = grants.stream()
				.filter((other) -> !other.isBefore(grant) && other.isBefore(grant.plus(WINDOW)))
				.count();
			assertThat(inWindow).as("grants in the window starting at %s", grant).isLessThanOrEqualTo(10);
		}
	}

	@Test
	void holdsSlotUntilOneWindowAfterTheResponseNotAfterTheSend() {
		RateBudget budget = new RateBudget("test", new BudgetSettings(1, WINDOW), this.timer);
		Permit first = budget.acquireAsync(Priority.POLL).join();
		this.timer.advance(Duration.ofSeconds(10));
		first.release();
		CompletableFuture<Permit> second = budget.acquireAsync(Priority.POLL);

		this.timer.advance(Duration.ofSeconds(59));
		assertThat(second).as("60 s after the send, but only 59 s after the response").isNotDone();
		this.timer.advance(Duration.ofSeconds(1));
		assertThat(second).isDone();
	}

	@Test
	void commandOvertakesQueuedPolls() {
		RateBudget budget = new RateBudget("test", new BudgetSettings(1, WINDOW), this.timer);
		budget.acquireAsync(Priority.POLL).join().release();
		CompletableFuture<Permit> housekeeping = budget.acquireAsync(Priority.HOUSEKEEPING);
		CompletableFuture<Permit> poll = budget.acquireAsync(Priority.POLL);
		CompletableFuture<Permit> command = budget.acquireAsync(Priority.COMMAND);
		assertThat(budget.queued(Priority.POLL)).isEqualTo(1);

		this.timer.advance(WINDOW);
		assertThat(command).isDone();
		assertThat(poll).isNotDone();
		command.join().release();

		this.timer.advance(WINDOW);
		assertThat(poll).isDone();
		assertThat(housekeeping).isNotDone();
		poll.join().release();

		this.timer.advance(WINDOW);
		assertThat(housekeeping).isDone();
	}

	@Test
	void servesOnePriorityFirstInFirstOut() {
		RateBudget budget = new RateBudget("test", new BudgetSettings(1, WINDOW), this.timer);
		budget.acquireAsync(Priority.POLL).join().release();
		List<CompletableFuture<Permit>> polls = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			polls.add(budget.acquireAsync(Priority.POLL));
		}
		for (int i = 0; i < 5; i++) {
			this.timer.advance(WINDOW);
			for (int j = 0; j < 5; j++) {
				assertThat(polls.get(j).isDone()).as("poll %d after %d windows", j, i + 1).isEqualTo(j <= i);
			}
			polls.get(i).join().release();
		}
	}

	@Test
	void pauseAfterRetryAfterStopsAllGrantsUntilItEnds() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RateBudget budget = new RateBudget("main-key", new BudgetSettings(100, WINDOW), this.timer);
		budget.bindTo(meters);
		budget.pauseFor(Duration.ofSeconds(7));
		CompletableFuture<Permit> command = budget.acquireAsync(Priority.COMMAND);

		this.timer.advance(Duration.ofMillis(6999));
		assertThat(command).isNotDone();
		assertThat(budget.isPaused()).isTrue();
		this.timer.advance(Duration.ofMillis(1));
		assertThat(command).isDone();
		assertThat(meters.get("qube.api.rate.limited").tag("key", "main-key").counter().count()).isEqualTo(1.0);
	}

	@Test
	void gaugesReportUsedRemainingAndQueueDepthTaggedByKeyName() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RateBudget budget = new RateBudget("main-key", new BudgetSettings(2, WINDOW), this.timer);
		budget.bindTo(meters);
		budget.acquireAsync(Priority.POLL).join();
		budget.acquireAsync(Priority.POLL).join().release();
		budget.acquireAsync(Priority.COMMAND);

		assertThat(meters.get("qube.api.budget.used").tag("key", "main-key").gauge().value()).isEqualTo(2.0);
		assertThat(meters.get("qube.api.budget.remaining").tag("key", "main-key").gauge().value()).isEqualTo(0.0);
		assertThat(meters.get("qube.api.budget.queue").tag("priority", "command").gauge().value()).isEqualTo(1.0);
		assertThat(meters.get("qube.api.budget.queue").tag("priority", "poll").gauge().value()).isEqualTo(0.0);
	}

	@Test
	void abandonedPermitFreesItsSlotAtOnce() {
		RateBudget budget = new RateBudget("test", new BudgetSettings(1, WINDOW), this.timer);
		budget.acquireAsync(Priority.POLL).join().abandon();
		assertThat(budget.acquireAsync(Priority.POLL)).isDone();
	}

	@Test
	void registryGivesEveryCallerOfAKeyTheSameBudget() {
		RateBudgetRegistry registry = new RateBudgetRegistry(this.timer);
		RateBudget first = registry.budgetFor("secret-1", "one", BudgetSettings.QUBE_DEFAULT, null);
		assertThat(registry.budgetFor("secret-1", "one", new BudgetSettings(5, WINDOW), null)).isSameAs(first);
		assertThat(registry.budgetFor("secret-2", "two", BudgetSettings.QUBE_DEFAULT, null)).isNotSameAs(first);
	}

}
