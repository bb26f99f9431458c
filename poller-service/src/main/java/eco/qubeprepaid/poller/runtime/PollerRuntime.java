package eco.qubeprepaid.poller.runtime;

import eco.qubeprepaid.poller.qube.QubeClients;
import eco.qubeprepaid.poller.schedule.application.Schedulers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts and stops the poller's workers together, in order: fresh schedulers, then
 * {@link DiscoveryWorkers} (which fill them), {@link PollWorkers} and
 * {@link CommandWorkers}, all paced by the one {@link Pacer}. The outbox relay is the
 * platform's own lifecycle, so events already committed are published even while the
 * workers are stopped. Everything the workers hold in memory is rebuilt from the database
 * at {@link #start()}, so a stop and start (or a process restart) loses nothing: pending
 * commands, epochs and last readings live in PostgreSQL.
 */
@Component
public class PollerRuntime implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PollerRuntime.class);

	private final QubeClients clients;

	private final Schedulers schedulers;

	private final DiscoveryWorkers discovery;

	private final PollWorkers polls;

	private final CommandWorkers commands;

	private final Pacer pacer;

	public PollerRuntime(QubeClients clients, Schedulers schedulers, DiscoveryWorkers discovery, PollWorkers polls,
			CommandWorkers commands, Pacer pacer) {
		this.clients = clients;
		this.schedulers = schedulers;
		this.discovery = discovery;
		this.polls = polls;
		this.commands = commands;
		this.pacer = pacer;
	}

	@Override
	public synchronized void start() {
		if (this.pacer.running()) {
			return;
		}
		this.pacer.resume();
		this.schedulers.reset(this.clients.keyNames());
		this.discovery.start(this.clients.keyNames());
		this.polls.start(this.clients.keyNames());
		this.commands.start(this.clients.keyNames());
		log.info("Poller workers started for keys {}", this.clients.keyNames());
	}

	@Override
	public synchronized void stop() {
		if (!this.pacer.running()) {
			return;
		}
		this.pacer.halt();
		this.discovery.stop();
		this.polls.stop();
		this.commands.stop();
		log.info("Poller workers stopped");
	}

	@Override
	public boolean isRunning() {
		return this.pacer.running();
	}

}
