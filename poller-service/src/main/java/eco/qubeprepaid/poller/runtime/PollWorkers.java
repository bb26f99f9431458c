package eco.qubeprepaid.poller.runtime;

import java.time.Clock;
import java.util.Optional;

import eco.qubeprepaid.events.DeviceSnapshotted;
import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.poller.polling.application.PollingService;
import eco.qubeprepaid.poller.qube.PollerProperties;
import eco.qubeprepaid.poller.qube.QubeClients;
import eco.qubeprepaid.poller.schedule.application.Schedulers;
import eco.qubeprepaid.poller.schedule.domain.PollOutcome;
import eco.qubeprepaid.poller.schedule.domain.PollScheduler;
import eco.qubeprepaid.qube.client.QubeApiException;
import eco.qubeprepaid.qube.client.QubeErrorCode;
import eco.qubeprepaid.qube.client.budget.Priority;
import eco.qubeprepaid.qube.client.budget.RateBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code poll-workers-per-key} threads per API key, each taking the next meter from the
 * key's scheduler, polling it and telling the scheduler what it saw.
 */
@Component
public class PollWorkers {

	private static final Logger log = LoggerFactory.getLogger(PollWorkers.class);

	private final QubeClients clients;

	private final PollingService polling;

	private final Schedulers schedulers;

	private final DiscoveryWorkers discovery;

	private final PollerProperties properties;

	private final Pacer pacer;

	private final Clock clock;

	private final WorkerThreads threads = new WorkerThreads();

	public PollWorkers(QubeClients clients, PollingService polling, Schedulers schedulers, DiscoveryWorkers discovery,
			PollerProperties properties, Pacer pacer, Clock clock) {
		this.clients = clients;
		this.polling = polling;
		this.schedulers = schedulers;
		this.discovery = discovery;
		this.properties = properties;
		this.pacer = pacer;
		this.clock = clock;
	}

	void start(Iterable<String> keyNames) {
		for (String key : keyNames) {
			PollScheduler scheduler = this.schedulers.of(key).orElseThrow();
			for (int i = 0; i < this.properties.pollWorkersPerKey(); i++) {
				this.threads.spawn("poller-poll-" + key + "-" + i, () -> pollLoop(key, scheduler));
			}
		}
	}

	void stop() {
		this.threads.stop();
	}

	private void pollLoop(String key, PollScheduler scheduler) {
		while (this.pacer.running()) {
			Optional<String> next = scheduler.next(this.clock.instant());
			if (next.isEmpty() || housekeepingWaits(key, scheduler, next.get())) {
				next.ifPresent(scheduler::release);
				if (!this.pacer.pause(this.properties.idleDelay())) {
					return;
				}
				continue;
			}
			String premiseId = next.get();
			try {
				this.polling.poll(premiseId)
					.ifPresentOrElse(
							(snapshot) -> scheduler.polled(premiseId,
									new PollOutcome(snapshot.observedAt().toInstant(), spentBalance(snapshot),
											snapshot.relayOn(), snapshot.online())),
							() -> scheduler.untrack(premiseId));
			}
			catch (QubeApiException ex) {
				scheduler.release(premiseId);
				if (ex.code() == QubeErrorCode.DEVICE_NOT_FOUND || ex.code() == QubeErrorCode.DEVICE_NOT_IN_SPACE) {
					this.discovery.requestRediscovery(key);
				}
				log.debug("Poll of {} failed: {}", premiseId, ex.getMessage());
				if (!this.pacer.pause(this.properties.idleDelay())) {
					return;
				}
			}
			catch (RuntimeException ex) {
				scheduler.release(premiseId);
				if (!this.pacer.running()) {
					return;
				}
				log.warn("Poll of {} failed: {}", premiseId, ex.getMessage());
				if (!this.pacer.pause(this.properties.idleDelay())) {
					return;
				}
			}
		}
	}

	/**
	 * The meter's balance as a measure of what the meter spends: only a PREPAID meter
	 * deducts from it. A POSTPAID or measurement meter's balance stays where it is (often
	 * at zero), which would otherwise read as "already empty" and have the meter polled
	 * at the minimum interval for ever; its premise is steered by the ledger's balance.
	 */
	private static Long spentBalance(DeviceSnapshotted snapshot) {
		return (snapshot.mode() == MeterMode.PREPAID) ? snapshot.balancePaise() : null;
	}

	/**
	 * A poll that only spends spare budget (the meter is not due) yields to waiting
	 * housekeeping, which would otherwise never get a slot while polls keep the budget
	 * busy, and leaves the reserve of the budget free: the budget is a rolling window, so
	 * spare polls taken in a burst would hold every slot until the window turns, and a
	 * meter falling due meanwhile (one about to run out) would wait up to a window.
	 */
	private boolean housekeepingWaits(String key, PollScheduler scheduler, String premiseId) {
		if (scheduler.isDue(premiseId, this.clock.instant())) {
			return false;
		}
		RateBudget budget = this.clients.budget(key);
		int reserve = budget.settings().limit() * this.properties.spareBudgetReservePercent() / 100;
		return budget.queued(Priority.HOUSEKEEPING) > 0 || budget.remaining() <= reserve;
	}

}
