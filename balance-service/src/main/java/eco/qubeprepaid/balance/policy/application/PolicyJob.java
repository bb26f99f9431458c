package eco.qubeprepaid.balance.policy.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import eco.qubeprepaid.balance.policy.domain.CommandRecord;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The policy's periodic job, every {@code job-interval} on the service clock, one premise
 * or command per transaction:
 * <ol>
 * <li>cut-offs a friendly window deferred, once their time has come (the next snapshot
 * after the window's end does the same on data time, whichever comes first; the
 * deterministic command id makes the two one command);</li>
 * <li>owed supplies: the restore keeps being asked for even when no snapshot arrives, and
 * is reported overdue once it has been owed for {@code restore-overdue-after};</li>
 * <li>commands without an outcome after {@code outcome-timeout} are asked again (same id,
 * so the poller applies each once), and a command still without an outcome
 * {@code outcome-timeout} after its expiry is given up as failed ({@code no-outcome}), so
 * the policy decides again.</li>
 * </ol>
 * It also keeps the gauges of owed and overdue supplies and of waiting commands.
 */
@Component
public class PolicyJob implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PolicyJob.class);

	private final PolicyRepository store;

	private final CommandRepository commands;

	private final PolicyEnforcement enforcement;

	private final RelayOperations relays;

	private final PolicyProperties properties;

	private final Clock clock;

	private final AtomicLong owed = new AtomicLong();

	private final AtomicLong overdue = new AtomicLong();

	private final AtomicLong waiting = new AtomicLong();

	private ScheduledExecutorService executor;

	public PolicyJob(PolicyRepository store, CommandRepository commands, PolicyEnforcement enforcement,
			RelayOperations relays, PolicyProperties properties, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.commands = commands;
		this.enforcement = enforcement;
		this.relays = relays;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("policy.supply.owed", this.owed, AtomicLong::get)
			.description("Premises owed their supply (balance at or above the restore minimum) not yet seen on")
			.register(meters);
		Gauge.builder("policy.supply.overdue", this.overdue, AtomicLong::get)
			.description("Premises owed their supply for longer than restore-overdue-after")
			.register(meters);
		Gauge.builder("policy.commands.waiting", this.waiting, AtomicLong::get)
			.description("Device commands requested by this service still waiting for their outcome")
			.register(meters);
	}

	/**
	 * Runs one round at {@code now}.
	 * @param now the service time
	 * @return how many premises and commands were looked at
	 */
	public int runDue(Instant now) {
		int limit = this.properties.jobBatchSize();
		Set<String> premises = new LinkedHashSet<>(this.store.dueCutoffs(now, limit));
		premises.addAll(this.store.owedSupplies(limit));
		for (String premiseId : premises) {
			try {
				this.enforcement.runScheduled(premiseId);
			}
			catch (RuntimeException ex) {
				// One premise's failure must not hold back the others; it is tried again
				// next round because its schedule or owed supply is still in place.
				log.warn("Policy job for {} failed: {}", premiseId, ex.toString());
			}
		}
		int chased = 0;
		for (CommandRecord command : this.commands.waitingSince(now.minus(this.properties.outcomeTimeout()), limit)) {
			chased++;
			try {
				if (now.isBefore(command.expiresAt())) {
					this.enforcement.reask(command);
				}
				else if (!now.isBefore(command.expiresAt().plus(this.properties.outcomeTimeout()))) {
					if (this.relays.giveUp(command.commandId())) {
						log.warn("Command {} {} of {} expired at {} without an outcome; given up", command.commandId(),
								command.command(), command.premiseId(), command.expiresAt());
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("Chasing command {} failed: {}", command.commandId(), ex.toString());
			}
		}
		long[] counts = this.store.owedSupplyCounts(now.minus(this.properties.restoreOverdueAfter()));
		this.owed.set(counts[0]);
		this.overdue.set(counts[1]);
		this.waiting.set(this.commands.waitingCount());
		return premises.size() + chased;
	}

	@Override
	public synchronized void start() {
		if (this.executor == null) {
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, "policy-job"));
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
			log.warn("Policy job round failed: {}", ex.toString());
		}
	}

}
