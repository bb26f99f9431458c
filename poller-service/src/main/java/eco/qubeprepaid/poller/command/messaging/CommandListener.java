package eco.qubeprepaid.poller.command.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import eco.qubeprepaid.events.DeviceCommandRequested;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventCodec;
import eco.qubeprepaid.events.Headers;
import eco.qubeprepaid.events.MalformedEventException;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.poller.command.application.CommandExecutor;
import eco.qubeprepaid.poller.command.persistence.JooqCommandStore;
import eco.qubeprepaid.poller.messaging.InboundRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes {@link DeviceCommandRequested} events off {@code Topics.DEVICE_COMMANDS} and
 * stores them as pending commands (idempotently); the offset is committed only after the
 * database commit, so a crash in between redelivers the event and the UNIQUE keys absorb
 * it. A malformed record goes, unchanged, to {@code <topic>.dlt} with the reason in the
 * {@link Headers#DLT_REASON} header (the send is awaited before the offset moves on, so
 * it is never lost), is counted, and the partition goes on.
 */
@Component
public class CommandListener {

	private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

	private final EventCodec codec;

	private final JooqCommandStore store;

	private final CommandExecutor executor;

	private final Clock clock;

	private final Counter rejected;

	private final KafkaTemplate<String, byte[]> deadLetters;

	public CommandListener(EventCodec codec, JooqCommandStore store, CommandExecutor executor, Clock clock,
			MeterRegistry meters, KafkaTemplate<String, byte[]> deadLetters) {
		this.deadLetters = deadLetters;
		this.codec = codec;
		this.store = store;
		this.executor = executor;
		this.clock = clock;
		this.rejected = Counter.builder("poller.commands.malformed")
			.description("Command records that could not be decoded and went to the dead-letter topic")
			.register(meters);
	}

	@KafkaListener(id = "poller-commands", topics = Topics.DEVICE_COMMANDS, groupId = "poller-service")
	void onCommand(ConsumerRecord<String, byte[]> record) {
		DomainEvent event;
		try {
			event = InboundRecords.decode(this.codec, record);
		}
		catch (MalformedEventException ex) {
			deadLetter(record, ex.getMessage());
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

	private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
		ProducerRecord<String, byte[]> dead = new ProducerRecord<>(record.topic() + ".dlt", null, record.key(),
				record.value(), new RecordHeaders(record.headers().toArray()));
		dead.headers().remove(Headers.DLT_REASON);
		dead.headers().add(Headers.DLT_REASON, reason.getBytes(StandardCharsets.UTF_8));
		try {
			this.deadLetters.send(dead).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while dead-lettering " + record.topic(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			// Thrown so the record is redelivered rather than lost.
			throw new IllegalStateException("Could not dead-letter a malformed command", ex);
		}
		this.rejected.increment();
		log.error("Malformed command at {}-{}@{} sent to {}.dlt: {}", record.topic(), record.partition(),
				record.offset(), record.topic(), reason);
	}

}
