package eco.qubeprepaid.poller.schedule.messaging;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceWithdrawn;
import eco.qubeprepaid.events.BalanceDebited;
import eco.qubeprepaid.events.DomainEvent;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.FixedChargeDebited;
import eco.qubeprepaid.events.MalformedEventException;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.poller.schedule.application.Schedulers;
import eco.qubeprepaid.poller.schedule.domain.LedgerBalance;
import eco.qubeprepaid.poller.schedule.domain.LedgerUpdate;
import eco.qubeprepaid.service.messaging.InboundRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the wallet balances balance-service publishes on {@code Topics.BALANCE_EVENTS}
 * ({@link BalanceDebited}, {@link FixedChargeDebited}, {@link BalanceCredited},
 * {@link BalanceWithdrawn}) into the poll schedulers, so that a premise whose ledger runs
 * down while its meter's own balance stays flat is polled ahead of the others (ADR 0006).
 * Its own consumer group: the poller reads the topic for a hint and owns none of its
 * effects. Other types on the topic are skipped unread. A malformed balance record is
 * logged, counted and skipped, not dead-lettered: the topic's dead letters belong to the
 * consumers that act on its events, and a lost hint costs one slower poll at worst.
 */
@Component
public class LedgerBalanceListener {

	private static final Logger log = LoggerFactory.getLogger(LedgerBalanceListener.class);

	private static final String METER = "poller.ledger.balances";

	private static final Set<String> BALANCE_TYPES = Set.of(EventType.BALANCE_DEBITED.token(),
			EventType.FIXED_CHARGE_DEBITED.token(), EventType.BALANCE_CREDITED.token(),
			EventType.BALANCE_WITHDRAWN.token());

	private final InboundRecords records;

	private final Schedulers schedulers;

	private final Map<LedgerUpdate, Counter> updates = new EnumMap<>(LedgerUpdate.class);

	private final Counter malformed;

	public LedgerBalanceListener(InboundRecords records, Schedulers schedulers, MeterRegistry meters) {
		this.records = records;
		this.schedulers = schedulers;
		for (LedgerUpdate update : LedgerUpdate.values()) {
			this.updates.put(update, counter(meters, update.name().toLowerCase(Locale.ROOT)));
		}
		this.malformed = counter(meters, "malformed");
	}

	@KafkaListener(id = "poller-ledger-balances", topics = Topics.BALANCE_EVENTS, groupId = "poller-ledger-balances")
	void onBalanceEvent(ConsumerRecord<String, byte[]> record) {
		String type = InboundRecords.typeOf(record);
		if (type != null && !BALANCE_TYPES.contains(type)) {
			return;
		}
		DomainEvent event;
		try {
			event = this.records.decode(record, DomainEvent.class);
		}
		catch (MalformedEventException ex) {
			this.malformed.increment();
			log.warn("Malformed ledger balance record at {}-{}@{} skipped: {}", record.topic(), record.partition(),
					record.offset(), ex.getMessage());
			return;
		}
		LedgerUpdate update = this.schedulers.ledgerBalance(event.premiseId(), balanceOf(event));
		this.updates.get(update).increment();
		log.debug("Ledger balance of {} from event {}: {}", event.premiseId(), event.eventId(), update);
	}

	/**
	 * Only an energy debit measures spending; a credit, a refund or adjustment, or the
	 * daily fixed charge is a step that must not teach the spend rate. Java 17 has no
	 * pattern matching for switch, hence the instanceof chain.
	 */
	private static LedgerBalance balanceOf(DomainEvent event) {
		if (event instanceof BalanceDebited debited) {
			return LedgerBalance.afterConsumption(debited.occurredAt(), debited.balanceAfterPaise());
		}
		if (event instanceof FixedChargeDebited fixed) {
			return LedgerBalance.afterStep(fixed.occurredAt(), fixed.balanceAfterPaise());
		}
		if (event instanceof BalanceCredited credited) {
			return LedgerBalance.afterStep(credited.occurredAt(), credited.balanceAfterPaise());
		}
		if (event instanceof BalanceWithdrawn withdrawn) {
			return LedgerBalance.afterStep(withdrawn.occurredAt(), withdrawn.balanceAfterPaise());
		}
		throw new IllegalStateException("not a balance event: " + event.getClass().getSimpleName());
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder(METER)
			.tag("outcome", outcome)
			.description("Ledger balances read from the balance events, by what the poll scheduler did with them")
			.register(meters);
	}

}
