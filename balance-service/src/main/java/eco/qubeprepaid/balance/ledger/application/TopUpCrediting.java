package eco.qubeprepaid.balance.ledger.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.persistence.LedgerStore;
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

	private final Workspaces workspaces;

	private final LedgerMetrics metrics;

	private final Clock clock;

	private final List<LedgerObserver> observers;

	public TopUpCrediting(LedgerStore ledger, Workspaces workspaces, LedgerMetrics metrics, Clock clock,
			List<LedgerObserver> observers) {
		this.observers = List.copyOf(observers);
		this.ledger = ledger;
		this.workspaces = workspaces;
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
		String premiseId = topUp.premiseId();
		Workspace work = this.workspaces.open(List.of(premiseId));
		LedgerPosting posting = LedgerPosting.topUp(premiseId, topUp.paymentId(), topUp.amountPaise(),
				topUp.capturedAt());
		work.checkPostingKeys(List.of(posting.idempotencyKey()));
		if (!work.post(posting)) {
			return TopUpOutcome.DUPLICATE;
		}
		this.metrics.credited(BalanceCredited.SOURCE_TOP_UP, topUp.amountPaise());
		work.publish(new BalanceCredited(UUID.randomUUID(), this.clock.instant(), premiseId, topUp.paymentId(),
				topUp.amountPaise(), work.balance(premiseId), BalanceCredited.SOURCE_TOP_UP));
		this.observers.forEach((observer) -> observer.credited(work, premiseId, topUp.amountPaise()));
		this.workspaces.flush(work);
		return TopUpOutcome.CREDITED;
	}

}
