package eco.qubeprepaid.balance.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.domain.Money;
import eco.qubeprepaid.balance.ledger.domain.MovementKind;
import eco.qubeprepaid.balance.ledger.domain.WalletMovement;
import eco.qubeprepaid.balance.work.UnitOfWork;
import eco.qubeprepaid.balance.work.UnitsOfWork;
import eco.qubeprepaid.events.BalanceCredited;
import eco.qubeprepaid.events.BalanceWithdrawn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a wallet at the request of a person (adjustments) or of payment-service (refunds
 * and their reversals), in one database transaction under the premise's lock: the posting
 * (its key unique), the movement's record (who, why, the floor), the event to the outbox,
 * and, through {@link WalletCredited} / {@link WalletDebited}, the policy's restore or
 * the new balance sent to the meter. A debit never leaves the wallet below
 * {@code qp.balance.wallet.debit-floor-paise} unless the request says so explicitly. The
 * same request again is answered with the movement already made, and changes nothing.
 */
@Service
@EnableConfigurationProperties(WalletProperties.class)
public class WalletMovements {

	private static final Logger log = LoggerFactory.getLogger(WalletMovements.class);

	private final UnitsOfWork units;

	private final LedgerRepository ledger;

	private final WalletMovementRepository movements;

	private final WalletProperties properties;

	private final LedgerMetrics metrics;

	private final ApplicationEventPublisher notifications;

	private final Clock clock;

	public WalletMovements(UnitsOfWork units, LedgerRepository ledger, WalletMovementRepository movements,
			WalletProperties properties, LedgerMetrics metrics, ApplicationEventPublisher notifications, Clock clock) {
		this.units = units;
		this.ledger = ledger;
		this.movements = movements;
		this.properties = properties;
		this.metrics = metrics;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * @return the debit floor in force, in paise
	 */
	public long debitFloorPaise() {
		return this.properties.debitFloorPaise();
	}

	/**
	 * Makes a movement once.
	 * @param request what is asked for
	 * @return the movement, made now or before
	 * @throws WalletMovementException when it is refused (nothing was written)
	 */
	@Transactional
	public Result apply(Request request) {
		String premiseId = request.premiseId();
		MovementKind kind = request.kind();
		if (!this.ledger.hasWallet(premiseId)) {
			throw new WalletMovementException(WalletMovementException.Reason.UNKNOWN_PREMISE, "premise '" + premiseId
					+ "' has no wallet: its meter has never been read and no money has ever moved for it");
		}
		UnitOfWork work = this.units.open(List.of(premiseId));
		Wallets wallets = work.part(Wallets.class);
		long balance = wallets.balance(premiseId);
		String key = kind.key(premiseId, request.reference());
		Instant now = this.clock.instant();
		long floor = this.properties.debitFloorPaise();
		Optional<WalletMovement> earlier = this.movements.find(key);
		if (earlier.isPresent()) {
			WalletMovement asked = new WalletMovement(key, premiseId, kind, request.amountPaise(), request.reason(),
					request.requestedBy(), floor, false, balance, now);
			if (!earlier.get().sameAs(asked)) {
				throw new WalletMovementException(WalletMovementException.Reason.KEY_REUSED,
						"key '" + request.reference() + "' was used on " + earlier.get().createdAt() + " for "
								+ describe(earlier.get()) + "; this request asks for " + describe(asked)
								+ ": use a new key for a new movement");
			}
			return new Result(earlier.get(), false, balance);
		}
		if (kind == MovementKind.REFUND_REVERSAL) {
			requireRefund(premiseId, request);
		}
		long after = kind.credit() ? Math.addExact(balance, request.amountPaise())
				: Math.subtractExact(balance, request.amountPaise());
		boolean belowFloor = kind.flooredDebit() && after < floor;
		if (belowFloor && !request.allowBelowFloor()) {
			throw new WalletMovementException(WalletMovementException.Reason.BELOW_FLOOR,
					kind.phrase() + " of " + Money.ofPaise(request.amountPaise()) + " would leave the wallet of "
							+ premiseId + " at " + Money.ofPaise(after) + ", below the floor of " + Money.ofPaise(floor)
							+ " (balance now " + Money.ofPaise(balance) + "); at most "
							+ Money.ofPaise(Math.max(0, balance - floor))
							+ " can be taken, or the request must override the floor explicitly");
		}
		LedgerPosting posting = LedgerPosting.movement(premiseId, key, kind, request.amountPaise(),
				statementLine(kind, request.reason()), now);
		wallets.checkPostingKeys(List.of(key));
		if (!wallets.post(posting)) {
			throw new IllegalStateException("ledger posting " + key + " exists without its movement record");
		}
		WalletMovement movement = new WalletMovement(key, premiseId, kind, request.amountPaise(), request.reason(),
				request.requestedBy(), floor, belowFloor, after, now);
		if (kind.credit()) {
			String source = (kind == MovementKind.REFUND_REVERSAL) ? BalanceCredited.SOURCE_REFUND_REVERSAL
					: BalanceCredited.SOURCE_ADJUSTMENT;
			this.metrics.credited(source, request.amountPaise());
			work.publish(
					new BalanceCredited(UUID.randomUUID(), now, premiseId, key, request.amountPaise(), after, source));
			this.notifications.publishEvent(new WalletCredited(work, premiseId, request.amountPaise()));
		}
		else {
			String source = (kind == MovementKind.REFUND) ? BalanceWithdrawn.SOURCE_REFUND
					: BalanceWithdrawn.SOURCE_ADJUSTMENT;
			this.metrics.debited(source, request.amountPaise());
			work.publish(new BalanceWithdrawn(UUID.randomUUID(), now, premiseId, key, request.amountPaise(), after,
					source, request.reason()));
			this.notifications.publishEvent(new WalletDebited(work, premiseId, request.amountPaise()));
		}
		this.units.flush(work);
		this.movements.record(movement);
		log.info("{} of {} paise on {} by {} ({}){}: balance now {} paise", kind.token(), request.amountPaise(),
				premiseId, request.requestedBy(), request.reason(), belowFloor ? " below the floor by override" : "",
				after);
		return new Result(movement, true, after);
	}

	/**
	 * @param premiseId a premise
	 * @param limit the most to return
	 * @return its movements, newest first
	 */
	@Transactional(readOnly = true)
	public List<WalletMovement> movements(String premiseId, int limit) {
		return this.movements.forPremise(premiseId, limit);
	}

	private void requireRefund(String premiseId, Request request) {
		Optional<WalletMovement> refund = this.movements.find(MovementKind.REFUND.key(premiseId, request.reference()));
		if (refund.isEmpty() || !refund.get().premiseId().equals(premiseId)
				|| refund.get().amountPaise() != request.amountPaise()) {
			throw new WalletMovementException(WalletMovementException.Reason.NO_SUCH_REFUND,
					"no refund " + request.reference() + " of " + Money.ofPaise(request.amountPaise())
							+ " was taken from the wallet of " + premiseId + ", so there is nothing to give back");
		}
	}

	private static String describe(WalletMovement movement) {
		return "a " + movement.kind().token() + " of " + Money.ofPaise(movement.amountPaise()) + " on "
				+ movement.premiseId();
	}

	private static String statementLine(MovementKind kind, String reason) {
		return switch (kind) {
			case ADJUSTMENT_CREDIT -> "Credit adjustment: " + reason;
			case ADJUSTMENT_DEBIT -> "Debit adjustment: " + reason;
			case REFUND -> "Refund to the payment method: " + reason;
			case REFUND_REVERSAL -> "Refund reversed (the gateway did not refund it)";
		};
	}

	/**
	 * A movement asked for.
	 *
	 * @param premiseId the premise
	 * @param kind the movement
	 * @param reference the operator's key (an adjustment) or the refund's id
	 * @param amountPaise the amount, more than zero
	 * @param reason why
	 * @param requestedBy who (the authenticated account, with the person it names)
	 * @param allowBelowFloor whether a debit may leave the wallet below the floor
	 */
	public record Request(String premiseId, MovementKind kind, String reference, long amountPaise, String reason,
			String requestedBy, boolean allowBelowFloor) {

		public Request {
			if (premiseId == null || premiseId.isBlank() || kind == null || reference == null || reference.isBlank()
					|| reason == null || reason.isBlank() || requestedBy == null) {
				throw new IllegalArgumentException("a movement needs a premise, a kind, a key, a reason and who");
			}
			if (amountPaise <= 0) {
				throw new IllegalArgumentException("a movement's amount must be more than zero, was " + amountPaise);
			}
		}

	}

	/**
	 * What a request came to.
	 *
	 * @param movement the movement
	 * @param madeNow whether it was made by this request (false: the same request again)
	 * @param balancePaise the wallet balance now
	 */
	public record Result(WalletMovement movement, boolean madeNow, long balancePaise) {
	}

}
