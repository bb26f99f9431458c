package eco.qubeprepaid.balance.policy.messaging;

import eco.qubeprepaid.service.messaging.InboundRecords;
import eco.qubeprepaid.balance.policy.application.RelayOperations;
import eco.qubeprepaid.balance.policy.domain.CutoffPolicy;
import eco.qubeprepaid.balance.policy.domain.TrackedCommand;
import eco.qubeprepaid.events.DeviceCommandCompleted;
import eco.qubeprepaid.events.DeviceCommandFailed;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.MalformedEventException;
import eco.qubeprepaid.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the poller's command outcomes, so that the policy knows the relay state and
 * balance it asked for against the ones the poller verified, and asks again for a cut-off
 * or a restore whose command was abandoned. Errors go through the ledger's error handler
 * (retry, then dead letter).
 */
@Component
public class CommandResultListener {

	private final InboundRecords records;

	private final RelayOperations relays;

	public CommandResultListener(InboundRecords records, RelayOperations relays) {
		this.records = records;
		this.relays = relays;
	}

	@KafkaListener(id = "balance-command-results", topics = Topics.DEVICE_COMMAND_RESULTS)
	void onResult(ConsumerRecord<String, byte[]> record) {
		DomainEvent event = this.records.decode(record, DomainEvent.class);
		if (event instanceof DeviceCommandCompleted completed) {
			this.relays.recordOutcome(completed.eventId(), EventType.DEVICE_COMMAND_COMPLETED,
					new CutoffPolicy.Outcome(completed.commandId(), TrackedCommand.Status.COMPLETED, null,
							completed.relayOn(), completed.balancePaise(), completed.occurredAt()));
		}
		else if (event instanceof DeviceCommandFailed failed) {
			this.relays.recordOutcome(failed.eventId(), EventType.DEVICE_COMMAND_FAILED,
					new CutoffPolicy.Outcome(failed.commandId(), TrackedCommand.Status.FAILED, failed.errorCode(), null,
							null, failed.occurredAt()));
		}
		else {
			throw new MalformedEventException(
					"unexpected event type '" + EventType.of(event).token() + "' on " + record.topic());
		}
	}

}
