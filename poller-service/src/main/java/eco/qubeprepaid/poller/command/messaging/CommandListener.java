package eco.qubeprepaid.poller.command.messaging;

import java.time.Clock;

import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.poller.command.application.CommandExecutor;
import eco.qubeprepaid.poller.command.persistence.JooqCommandStore;
import eco.qubeprepaid.service.messaging.InboundRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes {@link DeviceCommandRequested} events off {@code Topics.DEVICE_COMMANDS} and
 * stores them as pending commands (idempotently); the offset is committed only after the
 * database commit, so a crash in between redelivers the event and the UNIQUE keys absorb
 * it. Failures go to the platform's error handler ({@code ConsumerErrorHandling}): a
 * malformed record goes, unchanged, to {@code <topic>.dlt} with its reason (the send
 * awaited before the offset moves on), anything else is retried in place without a limit
 * (a command is never dropped: a lost relay-on leaves a tenant in the dark).
 */
@Component
public class CommandListener {

	private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

	private final InboundRecords records;

	private final JooqCommandStore store;

	private final CommandExecutor executor;

	private final Clock clock;

	public CommandListener(InboundRecords records, JooqCommandStore store, CommandExecutor executor, Clock clock) {
		this.records = records;
		this.store = store;
		this.executor = executor;
		this.clock = clock;
	}

	@KafkaListener(id = "poller-commands", topics = Topics.DEVICE_COMMANDS, groupId = "poller-service")
	void onCommand(ConsumerRecord<String, byte[]> record) {
		DeviceCommandRequested request = this.records.decode(record, DeviceCommandRequested.class);
		if (this.store.accept(request, this.clock.instant())) {
			this.executor.wakeUp();
		}
		else {
			log.info("Command {} (event {}) was delivered before, or is superseded; not pending", request.commandId(),
					request.eventId());
		}
	}

}
