package eco.qubeprepaid.balance.ledger.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.work.ProcessedEvents;
import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.balance.work.UnitsOfWork;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.EventType;
import eco.qubeprepaid.events.TopUpCaptured;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits a captured payment to the premise's wallet in one database transaction with the
 * consumed event's id and the outbox row of {@link BalanceCredited}. The payment id is
 * the ledger transaction's idempotency key, so a payment reported twice under two event
 * ids is still credited once. Subscribers of {@link WalletCredited} (the restore) act in
 * the same transaction.
 */
@Service
public class TopUpCrediting {

	private final ProcessedEvents processed;

	private final UnitsOfWork units;

	private final LedgerMetrics metrics;

	private final Clock clock;

	private final ApplicationEventPublisher notifications;

	public TopUpCrediting(ProcessedEvents processed, UnitsOfWork units, LedgerMetrics metrics, Clock clock,
			ApplicationEventPublisher notifications) {
		this.notifications = notifications;
		this.processed = processed;
		this.units = units;
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
		if (!this.processed.markProcessed(topUp.eventId(), EventType.TOP_UP_CAPTURED.token())) {
			return TopUpOutcome.DUPLICATE;
		}
		String premiseId = topUp.premiseId();
		UnitOfWork work = this.units.open(List.of(premiseId));
		Wallets wallets = work.part(Wallets.class);
		LedgerPosting posting = LedgerPosting.topUp(premiseId, topUp.paymentId(), topUp.amountPaise(),
				topUp.capturedAt());
		wallets.checkPostingKeys(List.of(posting.idempotencyKey()));
		if (!wallets.post(posting)) {
			return TopUpOutcome.DUPLICATE;
		}
		this.metrics.credited(BalanceCredited.SOURCE_TOP_UP, topUp.amountPaise());
		work.publish(new BalanceCredited(UUID.randomUUID(), this.clock.instant(), premiseId, topUp.paymentId(),
				topUp.amountPaise(), wallets.balance(premiseId), BalanceCredited.SOURCE_TOP_UP));
		this.notifications.publishEvent(new WalletCredited(work, premiseId, topUp.amountPaise()));
		this.units.flush(work);
		return TopUpOutcome.CREDITED;
	}

}
