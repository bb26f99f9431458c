package eco.qubeprepaid.poller.command.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import eco.qubeprepaid.events.DeviceCommand;
import eco.qubeprepaid.events.DeviceCommandCompleted;
import eco.qubeprepaid.events.DeviceCommandFailed;
import eco.qubeprepaid.poller.command.domain.CommandRules;
import eco.qubeprepaid.poller.command.domain.PendingCommand;
import eco.qubeprepaid.poller.command.persistence.JooqCommandStore;
import eco.qubeprepaid.poller.qube.PollerProperties;
import eco.qubeprepaid.poller.qube.QubeClients;
import eco.qubeprepaid.poller.registry.domain.Premise;
import eco.qubeprepaid.poller.registry.domain.PremiseIdentity;
import eco.qubeprepaid.poller.registry.domain.PremiseRegistry;
import eco.qubeprepaid.qube.client.QubeApi;
import eco.qubeprepaid.qube.client.QubeApiException;
import eco.qubeprepaid.qube.client.QubeClientException;
import eco.qubeprepaid.qube.client.budget.Priority;
import eco.qubeprepaid.qube.client.model.DeviceDetails;
import eco.qubeprepaid.qube.client.model.VerifiedWrite;
import eco.qubeprepaid.qube.client.model.WriteOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Applies pending device commands at COMMAND priority, so they overtake every queued
 * poll: resolve the premise's current device, check it is online (E4), write (relay or
 * absolute balance) through the client's verified writes, then finish the command and
 * write its outcome to the outbox in one transaction. An offline meter, a busy API or an
 * unverified write leaves the command pending for another try after the retry interval,
 * until it expires; an expired command is reported failed with {@code expired}.
 *
 * <p>
 * A command is applied at most once in the sense that matters: it leaves PENDING exactly
 * once and its outcome is published once. If the process dies after the write and before
 * the commit, the command is tried again after the restart; both writes are absolute
 * (relay state, balance value), so the repeat leaves the meter in the same state.
 */
@Service
public class CommandExecutor {

	private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

	private final JooqCommandStore store;

	private final PremiseRegistry registry;

	private final QubeClients clients;

	private final Clock clock;

	private final PollerProperties properties;

	private final MeterRegistry meters;

	private final Timer latency;

	private volatile Consumer<String> rediscovery = (key) -> {
	};

	private final Object signal = new Object();

	public CommandExecutor(JooqCommandStore store, PremiseRegistry registry, QubeClients clients, Clock clock,
			PollerProperties properties, MeterRegistry meters) {
		this.store = store;
		this.registry = registry;
		this.clients = clients;
		this.clock = clock;
		this.properties = properties;
		this.meters = meters;
		// Every outcome exists from the start at zero: the alert on commands failed for
		// good and the commands panel read 0, not "no data", before the first failure.
		for (String outcome : new String[] { "completed", "expired", "rejected", "retried" }) {
			Counter.builder("poller.commands")
				.tag("outcome", outcome)
				.description("Device command tries by outcome: completed, expired, rejected, retried")
				.register(meters);
		}
		Gauge.builder("poller.commands.pending", store, JooqCommandStore::pendingCount)
			.description("Device commands waiting to be applied: the command queue depth")
			.register(meters);
		this.latency = Timer.builder("poller.command.latency")
			.description("From a command's request to its completion or failure")
			.publishPercentileHistogram()
			.register(meters);
	}

	/**
	 * Sets who refreshes the registry when a device id stopped answering.
	 * @param rediscovery called with the key name
	 */
	public void onStaleDevice(Consumer<String> rediscovery) {
		this.rediscovery = rediscovery;
	}

	/** Wakes the executors up because a command arrived. */
	public void wakeUp() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	/**
	 * Waits for a command to arrive or for the idle delay to pass.
	 * @throws InterruptedException if interrupted
	 */
	public void awaitWork() throws InterruptedException {
		synchronized (this.signal) {
			TimeUnit.MILLISECONDS.timedWait(this.signal, this.properties.idleDelay().toMillis());
		}
	}

	/**
	 * Applies the due commands of one key.
	 * @param keyName the key
	 * @param orphanKey whether this key also handles commands of unknown premises
	 * @return how many commands were tried
	 */
	public int runDue(String keyName, boolean orphanKey) {
		List<PendingCommand> due = this.store.due(keyName, orphanKey, this.clock.instant(),
				this.properties.commandBatch());
		for (PendingCommand command : due) {
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
			execute(command);
		}
		return due.size();
	}

	private void execute(PendingCommand command) {
		Instant now = this.clock.instant();
		Optional<Premise> premise = this.registry.find(new PremiseIdentity(command.premiseId()));
		if (command.isExpired(now)) {
			fail(command, command.attempts(), premise.map(Premise::deviceId).orElse(null),
					premise.isPresent() ? "expired" : "unknown_premise",
					"not applied before it expired at " + command.expiresAt(), "expired");
			return;
		}
		if (premise.isEmpty()) {
			retry(command, command.attempts(), null, "unknown_premise");
			return;
		}
		String deviceId = premise.get().deviceId();
		QubeApi api = this.clients.client(premise.get().apiKeyName()).withPriority(Priority.COMMAND);
		int attempts = command.attempts();
		try {
			DeviceDetails details = api.device(deviceId);
			if (!details.online()) {
				retry(command, attempts, deviceId, "device_offline");
				return;
			}
			// The credit check comes first, even when the meter already shows the set's
			// balance: with no write of this set sent, a meter above what the requester
			// allowed for holds credit from elsewhere (e.g. a recharge at the meter of
			// the
			// same amount as a top-up), and completing the set would make the ledger take
			// that credit for its own set: the tenant's money lost.
			if (command.command() == DeviceCommand.SET_BALANCE
					&& CommandRules.creditWouldBeErased(command.expectedMeterBalancePaise(), command.balancePaise(),
							command.writeSent(), details.balance())) {
				fail(command, attempts, deviceId, CommandRules.METER_BALANCE_CHANGED,
						"the meter shows " + details.balance() + " paise, more than the "
								+ command.expectedMeterBalancePaise()
								+ " paise its requester allowed for: credit reached"
								+ " it from elsewhere, and setting " + command.balancePaise() + " would erase it",
						"rejected");
				return;
			}
			if (alreadyInPlace(command, details)) {
				// The read just made shows the desired state (an earlier write landed, or
				// nothing needed writing): nothing to write.
				completeByRead(command, attempts, deviceId, details);
				return;
			}
			this.store.markWriteSent(command.commandId(), now);
			VerifiedWrite<?> write = write(api, deviceId, command);
			attempts += Math.max(1, write.sends());
			if (tookEffect(command, write, details.balance())) {
				complete(command, attempts, deviceId, write);
			}
			else {
				retry(command, attempts, deviceId, write.outcome().name().toLowerCase() + ": " + write.detail());
			}
		}
		catch (QubeApiException ex) {
			String code = ex.code().wireValue();
			switch (CommandRules.afterError(code)) {
				case RETRY -> retry(command, attempts, deviceId, code);
				case REDISCOVER_AND_RETRY -> {
					this.rediscovery.accept(premise.get().apiKeyName());
					retry(command, attempts, deviceId, code);
				}
				case GIVE_UP -> fail(command, attempts + 1, deviceId, code, ex.getMessage(), "rejected");
			}
		}
		catch (QubeClientException ex) {
			retry(command, attempts, deviceId, "transport: " + ex.getMessage());
		}
	}

	private static VerifiedWrite<?> write(QubeApi api, String deviceId, PendingCommand command) {
		return switch (command.command()) {
			case RELAY_ON -> api.setRelay(deviceId, true);
			case RELAY_OFF -> api.setRelay(deviceId, false);
			case SET_BALANCE -> api.setBalance(deviceId, command.balancePaise());
		};
	}

	private static boolean tookEffect(PendingCommand command, VerifiedWrite<?> write, Long before) {
		if (write.isVerified()) {
			return true;
		}
		return command.command() == DeviceCommand.SET_BALANCE && write.outcome() == WriteOutcome.MISMATCH
				&& write.observed() instanceof Long observed
				&& CommandRules.balanceTookEffect(before, command.balancePaise(), observed);
	}

	private static boolean alreadyInPlace(PendingCommand command, DeviceDetails details) {
		return switch (command.command()) {
			case RELAY_ON -> Boolean.TRUE.equals(details.relayState());
			case RELAY_OFF -> Boolean.FALSE.equals(details.relayState());
			case SET_BALANCE -> command.balancePaise().equals(details.balance());
		};
	}

	private void completeByRead(PendingCommand command, int attempts, String deviceId, DeviceDetails details) {
		Instant now = this.clock.instant();
		DeviceCommandCompleted event = new DeviceCommandCompleted(UUID.randomUUID(), now, command.premiseId(),
				command.commandId(), command.command(), deviceId, details.relayState(), details.balance(),
				Math.max(1, attempts));
		if (this.store.finish(command.commandId(), true, attempts, deviceId, null, event, now)) {
			finished(command, now, "completed");
			log.info("Command {} {} on premise {}: {} already shows it, nothing written", command.commandId(),
					command.command(), command.premiseId(), deviceId);
		}
	}

	private void complete(PendingCommand command, int attempts, String deviceId, VerifiedWrite<?> write) {
		Instant now = this.clock.instant();
		DeviceCommandCompleted event = new DeviceCommandCompleted(UUID.randomUUID(), now, command.premiseId(),
				command.commandId(), command.command(), deviceId, write.metrics().relayState(),
				write.metrics().balance(), attempts);
		if (this.store.finish(command.commandId(), true, attempts, deviceId, null, event, now)) {
			finished(command, now, "completed");
			log.info("Command {} {} on premise {} completed on {} after {} write(s)", command.commandId(),
					command.command(), command.premiseId(), deviceId, attempts);
		}
	}

	private void fail(PendingCommand command, int attempts, String deviceId, String code, String detail,
			String outcome) {
		Instant now = this.clock.instant();
		DeviceCommandFailed event = new DeviceCommandFailed(UUID.randomUUID(), now, command.premiseId(),
				command.commandId(), command.command(), deviceId, code, detail, attempts);
		if (this.store.finish(command.commandId(), false, attempts, deviceId, code, event, now)) {
			finished(command, now, outcome);
			log.warn("Command {} {} on premise {} failed: {} ({})", command.commandId(), command.command(),
					command.premiseId(), code, detail);
		}
	}

	private void retry(PendingCommand command, int attempts, String deviceId, String why) {
		Instant next = this.clock.instant().plus(this.properties.commandRetryInterval());
		if (next.isAfter(command.expiresAt())) {
			// Come back exactly at expiry so the failure is reported on time.
			next = command.expiresAt();
		}
		this.store.retryLater(command.commandId(), attempts, deviceId, why, next);
		count("retried");
	}

	private void finished(PendingCommand command, Instant now, String outcome) {
		count(outcome);
		Duration took = Duration.between(command.requestedAt(), now);
		this.latency.record(took.isNegative() ? Duration.ZERO : took);
	}

	private void count(String outcome) {
		Counter.builder("poller.commands")
			.tag("outcome", outcome)
			.description("Device command tries by outcome: completed, expired, rejected, retried")
			.register(this.meters)
			.increment();
	}

}
