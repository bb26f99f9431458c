package eco.qubeprepaid.balance.policy.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import eco.qubeprepaid.balance.policy.persistence.PolicyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The periodic job that executes cut-offs a friendly window deferred: every
 * {@code job-interval} it takes the premises whose scheduled time has come by the service
 * clock and lets the policy decide again, one premise per transaction. The next snapshot
 * after the window's end does the same on data time, whichever comes first; the
 * deterministic command id makes the two one command.
 */
@Component
public class ScheduledCutoffs implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ScheduledCutoffs.class);

	private final PolicyStore store;

	private final PolicyEnforcement enforcement;

	private final PolicyProperties properties;

	private final Clock clock;

	private ScheduledExecutorService executor;

	public ScheduledCutoffs(PolicyStore store, PolicyEnforcement enforcement, PolicyProperties properties,
			Clock clock) {
		this.store = store;
		this.enforcement = enforcement;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Runs the cut-offs due at {@code now}.
	 * @param now the service time
	 * @return how many premises were looked at
	 */
	public int runDue(Instant now) {
		List<String> due = this.store.dueCutoffs(now, this.properties.jobBatchSize());
		for (String premiseId : due) {
			try {
				this.enforcement.runScheduled(premiseId);
			}
			catch (RuntimeException ex) {
				// One premise's failure must not hold back the others; it is retried next
				// round because its schedule is still in place.
				log.warn("Scheduled cut-off of {} failed: {}", premiseId, ex.toString());
			}
		}
		return due.size();
	}

	@Override
	public synchronized void start() {
		if (this.executor == null) {
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, "scheduled-cutoffs"));
			long interval = this.properties.jobInterval().toMillis();
			this.executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private void round() {
		try {
			runDue(this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Scheduled cut-off round failed: {}", ex.toString());
		}
	}

}
