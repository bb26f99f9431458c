package eco.qubeprepaid.notifier.notice.messaging;

import java.util.Set;

import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.notifier.notice.application.NoticeIntake;
import eco.qubeprepaid.service.messaging.InboundRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes what people must hear about: the ledger's balance events, the outcomes of
 * device commands, tenants' moves and failed payments, and the device registry's
 * findings. Types nobody is told about (a debit for energy) are skipped before decoding;
 * the rest are decoded and checked by the platform's {@link InboundRecords} (a malformed
 * record is dead-lettered) and applied once by {@link NoticeIntake}.
 */
@Component
class NoticeListeners {

	private static final Set<String> TOLD = Set.of(EventType.LOW_BALANCE_REACHED.token(),
			EventType.BALANCE_CREDITED.token(), EventType.BALANCE_WITHDRAWN.token(),
			EventType.SUPPLY_RESTORE_OVERDUE.token(), EventType.BALANCE_DRIFT_DETECTED.token(),
			EventType.READING_QUARANTINED.token(), EventType.DEVICE_COMMAND_COMPLETED.token(),
			EventType.DEVICE_COMMAND_FAILED.token(), EventType.TENANT_MOVED_IN.token(),
			EventType.TENANT_MOVED_OUT.token(), EventType.TENANT_LANGUAGE_CHOSEN.token(),
			EventType.TOP_UP_FAILED.token(), EventType.CUTOFF_SCHEDULED.token(), EventType.METER_OFFLINE.token(),
			EventType.DEVICE_IDENTITY_MISSING.token());

	private final InboundRecords records;

	private final NoticeIntake intake;

	NoticeListeners(InboundRecords records, NoticeIntake intake) {
		this.records = records;
		this.intake = intake;
	}

	@KafkaListener(id = "notifier-events",
			topics = { Topics.BALANCE_EVENTS, Topics.DEVICE_COMMAND_RESULTS, Topics.TENANTS, Topics.DEVICE_REGISTRY })
	void onEvent(ConsumerRecord<String, byte[]> record) {
		String type = InboundRecords.typeOf(record);
		if (type != null && !TOLD.contains(type) && EventType.ofToken(type).isPresent()) {
			return;
		}
		this.intake.accept(this.records.decode(record, DomainEvent.class));
	}

}
