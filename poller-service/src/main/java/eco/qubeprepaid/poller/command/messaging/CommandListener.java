package eco.qubeprepaid.poller.command.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.MalformedEventException;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.poller.command.application.CommandExecutor;
import eco.qubeprepaid.poller.command.persistence.JooqCommandStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes {@link DeviceCommandRequested} events off {@code Topics.DEVICE_COMMANDS} and
 * stores them as pending commands (idempotently); the offset is committed only after the
 * database commit, so a crash in between redelivers the event and the UNIQUE keys absorb
 * it. A malformed record is logged with its reason, counted and skipped, so one bad
 * record never blocks the partition.
 */
@Component
public class CommandListener {

	private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

	private final EventCodec codec;

	private final JooqCommandStore store;

	private final CommandExecutor executor;

	private final Clock clock;

	private final Counter rejected;

	public CommandListener(EventCodec codec, JooqCommandStore store, CommandExecutor executor, Clock clock,
			MeterRegistry meters) {
		this.codec = codec;
		this.store = store;
		this.executor = executor;
		this.clock = clock;
		this.rejected = Counter.builder("poller.commands.malformed")
			.description("Command records that could not be decoded and were skipped")
			.register(meters);
	}

	@KafkaListener(id = "poller-commands", topics = Topics.DEVICE_COMMANDS, groupId = "poller-service")
	void onCommand(ConsumerRecord<String, byte[]> record) {
		DomainEvent event;
		try {
			event = this.codec.decode(header(record, Headers.EVENT_TYPE), version(record), record.value());
		}
		catch (MalformedEventException ex) {
			this.rejected.increment();
			log.error("Skipping malformed command at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
			return;
		}
		if (event instanceof DeviceCommandRequested request) {
			if (this.store.accept(request, this.clock.instant())) {
				this.executor.wakeUp();
			}
			else {
				log.info("Command {} (event {}) was delivered before; ignored", request.commandId(), request.eventId());
			}
		}
	}

	private static int version(ConsumerRecord<String, byte[]> record) {
		if (header(record, Headers.EVENT_TYPE) == null) {
			throw new MalformedEventException("no " + Headers.EVENT_TYPE + " header");
		}
		String version = header(record, Headers.EVENT_VERSION);
		try {
			return Integer.parseInt(version);
		}
		catch (NumberFormatException ex) {
			throw new MalformedEventException("bad version header '" + version + "'");
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
