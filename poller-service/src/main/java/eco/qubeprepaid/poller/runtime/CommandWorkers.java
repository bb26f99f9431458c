package eco.qubeprepaid.poller.runtime;

import eco.qubeprepaid.poller.command.application.CommandExecutor;
import eco.qubeprepaid.poller.qube.PollerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One thread per API key applying its due device commands, woken when a command arrives.
 * The first key's worker also applies the commands of premises whose key is gone
 * ({@code orphanKey}).
 */
@Component
public class CommandWorkers {

	private static final Logger log = LoggerFactory.getLogger(CommandWorkers.class);

	private final CommandExecutor commands;

	private final PollerProperties properties;

	private final Pacer pacer;

	private final WorkerThreads threads = new WorkerThreads();

	public CommandWorkers(CommandExecutor commands, PollerProperties properties, Pacer pacer) {
		this.commands = commands;
		this.properties = properties;
		this.pacer = pacer;
	}

	void start(Iterable<String> keyNames) {
		boolean first = true;
		for (String key : keyNames) {
			boolean orphanKey = first;
			first = false;
			this.threads.spawn("poller-commands-" + key, () -> commandLoop(key, orphanKey));
		}
	}

	void stop() {
		this.threads.stop();
	}

	private void commandLoop(String key, boolean orphanKey) {
		while (this.pacer.running()) {
			try {
				if (this.commands.runDue(key, orphanKey) == 0) {
					this.commands.awaitWork();
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (!this.pacer.running()) {
					return;
				}
				log.warn("Command round of key {} failed: {}", key, ex.getMessage());
				if (!this.pacer.pause(this.properties.idleDelay())) {
					return;
				}
			}
		}
	}

}
