package eco.qubeprepaid.balance.ledger.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.persistence.LedgerStore;
import eco.qubeprepaid.balance.ledger.persistence.OutboxStore;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.TopUpCaptured;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits a captured payment to the premise's wallet in one database transaction with the
 * consumed event's id and the outbox row of {@link BalanceCredited}. The payment id is
 * the ledger transaction's idempotency key, so a payment reported twice under two event
 * ids is still credited once.
 */
@Service
public class TopUpCrediting {

	private final LedgerStore ledger;

	private final OutboxStore outbox;

	private final LedgerMetrics metrics;

	private final Clock clock;

	private final List<LedgerObserver> observers;

	public TopUpCrediting(LedgerStore ledger, OutboxStore outbox, LedgerMetrics metrics, Clock clock,
			List<LedgerObserver> observers) {
		this.observers = List.copyOf(observers);
		this.ledger = ledger;
		this.outbox = outbox;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Applies a captured top-up, once per event id and once per payment id.
	 * @param topUp the event
	 * @return what it did
	 */
	@Transactional
	public TopUpOutcome apply(TopUpCaptured topUp) {
		if (!this.ledger.markProcessed(topUp.eventId(), EventType.TOP_UP_CAPTURED.token())) {
			return TopUpOutcome.DUPLICATE;
		}
		this.ledger.lockWallet(topUp.premiseId());
		LedgerPosting posting = LedgerPosting.topUp(topUp.premiseId(), topUp.paymentId(), topUp.amountPaise(),
				topUp.capturedAt());
		if (!this.ledger.post(posting)) {
			return TopUpOutcome.DUPLICATE;
		}
		this.metrics.credited("top-up", topUp.amountPaise());
		this.outbox.append(new BalanceCredited(UUID.randomUUID(), this.clock.instant(), topUp.premiseId(),
				topUp.paymentId(), topUp.amountPaise(), this.ledger.walletBalancePaise(topUp.premiseId())));
		this.observers.forEach((observer) -> observer.credited(topUp.premiseId(), topUp.amountPaise()));
		return TopUpOutcome.CREDITED;
	}

}
