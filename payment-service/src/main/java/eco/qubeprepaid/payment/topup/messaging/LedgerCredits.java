package eco.qubeprepaid.payment.topup.messaging;

import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.payment.topup.application.Settlement;
import eco.qubeprepaid.service.messaging.InboundRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the ledger's credits, so that each captured payment shows when the ledger
 * credited it and the balance after. The other balance events are skipped unread.
 */
@Component
class LedgerCredits {

	private final InboundRecords records;

	private final Settlement settlement;

	LedgerCredits(InboundRecords records, Settlement settlement) {
		this.records = records;
		this.settlement = settlement;
	}

	@KafkaListener(id = "payment-ledger-credits", topics = Topics.BALANCE_EVENTS)
	void onBalanceEvent(ConsumerRecord<String, byte[]> record) {
		if (!EventType.BALANCE_CREDITED.token().equals(InboundRecords.typeOf(record))) {
			return;
		}
		BalanceCredited credited = this.records.decode(record, BalanceCredited.class);
		if (BalanceCredited.SOURCE_TOP_UP.equals(credited.source())) {
			this.settlement.confirmCredited(credited.paymentId(), credited.balanceAfterPaise(), credited.occurredAt());
		}
	}

}
