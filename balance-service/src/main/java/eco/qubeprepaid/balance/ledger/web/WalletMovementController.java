package eco.qubeprepaid.balance.ledger.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import eco.qubeprepaid.balance.errors.BadRequestException;
import eco.qubeprepaid.balance.errors.ConflictException;
import eco.qubeprepaid.balance.errors.NotFoundException;
import eco.qubeprepaid.balance.ledger.application.WalletMovementException;
import eco.qubeprepaid.balance.ledger.application.WalletMovements;
import eco.qubeprepaid.balance.ledger.domain.Money;
import eco.qubeprepaid.balance.ledger.domain.MovementKind;
import eco.qubeprepaid.balance.ledger.domain.WalletMovement;
import eco.qubeprepaid.balance.web.Operators;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moving a wallet by hand: an operator's credit or debit adjustment with a reason and a
 * key of their choosing (the same key again changes nothing), and, under
 * {@code /api/service/}, the refund debits and reversals only payment-service's account
 * may ask for. Every movement is recorded with who asked and why
 * ({@code GET .../movements}). A debit below the floor needs {@code overrideFloor: true}.
 */
@RestController
public class WalletMovementController {

	/** The most movements one view shows. */
	static final int MAX_MOVEMENTS = 200;

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private final WalletMovements movements;

	public WalletMovementController(WalletMovements movements) {
		this.movements = movements;
	}

	@PostMapping("/api/premises/{premiseId}/adjustments")
	public ResponseEntity<MovementView> adjust(@PathVariable String premiseId, @RequestBody AdjustmentRequest request,
			Principal account) {
		if (request.direction() == null) {
			throw new BadRequestException("direction is required: 'credit' to add to the wallet, 'debit' to take out");
		}
		MovementKind kind = switch (request.direction().trim().toLowerCase(Locale.ROOT)) {
			case "credit" -> MovementKind.ADJUSTMENT_CREDIT;
			case "debit" -> MovementKind.ADJUSTMENT_DEBIT;
			default -> throw new BadRequestException(
					"direction '" + request.direction() + "' is not one of 'credit' or 'debit'");
		};
		return apply(new WalletMovements.Request(premiseId, kind, key(request.key()), amount(request.amountPaise()),
				reason(request.reason()), Operators.of(account, request.operator()),
				Boolean.TRUE.equals(request.overrideFloor())));
	}

	@PostMapping("/api/service/premises/{premiseId}/refunds/{refundId}")
	public ResponseEntity<MovementView> refund(@PathVariable String premiseId, @PathVariable String refundId,
			@RequestBody ServiceRequest request, Principal account) {
		return apply(new WalletMovements.Request(premiseId, MovementKind.REFUND, key(refundId),
				amount(request.amountPaise()), reason(request.reason()), Operators.of(account, request.requestedBy()),
				Boolean.TRUE.equals(request.overrideFloor())));
	}

	@PostMapping("/api/service/premises/{premiseId}/refunds/{refundId}/reversal")
	public ResponseEntity<MovementView> reverse(@PathVariable String premiseId, @PathVariable String refundId,
			@RequestBody ServiceRequest request, Principal account) {
		return apply(new WalletMovements.Request(premiseId, MovementKind.REFUND_REVERSAL, key(refundId),
				amount(request.amountPaise()), reason(request.reason()), Operators.of(account, request.requestedBy()),
				false));
	}

	@GetMapping("/api/premises/{premiseId}/movements")
	public List<MovementView> movements(@PathVariable String premiseId) {
		return this.movements.movements(premiseId, MAX_MOVEMENTS).stream().map(MovementView::of).toList();
	}

	private ResponseEntity<MovementView> apply(WalletMovements.Request request) {
		WalletMovements.Result result;
		try {
			result = this.movements.apply(request);
		}
		catch (WalletMovementException ex) {
			throw switch (ex.reason()) {
				case UNKNOWN_PREMISE -> new NotFoundException("Unknown premise", ex.getMessage());
				case BELOW_FLOOR -> new ConflictException("Below the debit floor", ex.reason().name(), ex.getMessage());
				case KEY_REUSED -> new ConflictException("Key already used", ex.reason().name(), ex.getMessage());
				case NO_SUCH_REFUND -> new ConflictException("No such refund", ex.reason().name(), ex.getMessage());
			};
		}
		return ResponseEntity.status(result.madeNow() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(MovementView.of(result.movement()));
	}

	private static String key(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new BadRequestException("key is required: 1-100 letters, digits, '.', '_', ':' or '-', naming this"
					+ " movement so that sending it again changes nothing (was " + quoted(key) + ")");
		}
		return key;
	}

	private static long amount(Long amountPaise) {
		if (amountPaise == null || amountPaise <= 0) {
			throw new BadRequestException(
					"amountPaise is required: a whole number of paise, more than zero (was " + amountPaise + ")");
		}
		return amountPaise;
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new BadRequestException("reason is required (why the wallet moves, for the audit trail)");
		}
		return reason.trim();
	}

	private static String quoted(String value) {
		return (value == null) ? "missing" : "'" + value + "'";
	}

	/**
	 * An operator's adjustment.
	 *
	 * @param direction {@code credit} or {@code debit}
	 * @param amountPaise the amount, whole paise, more than zero
	 * @param reason why
	 * @param key the operator's name for this movement; the same key again changes
	 * nothing
	 * @param operator who asked, if not the account itself (recorded with the account)
	 * @param overrideFloor {@code true} to let a debit take the wallet below the floor
	 */
	public record AdjustmentRequest(String direction, Long amountPaise, String reason, String key, String operator,
			Boolean overrideFloor) {
	}

	/**
	 * payment-service's refund debit or reversal.
	 *
	 * @param amountPaise the amount
	 * @param reason the operator's reason for the refund
	 * @param requestedBy the operator who asked payment-service for it
	 * @param overrideFloor {@code true} when the operator overrode the floor (debits
	 * only)
	 */
	public record ServiceRequest(Long amountPaise, String reason, String requestedBy, Boolean overrideFloor) {
	}

	/**
	 * A movement.
	 *
	 * @param key its ledger key
	 * @param premiseId the premise
	 * @param kind {@code adjustment-credit}, {@code adjustment-debit}, {@code refund} or
	 * {@code refund-reversal}
	 * @param amountPaise the amount
	 * @param amount the amount for people
	 * @param reason why
	 * @param requestedBy who
	 * @param floorPaise the debit floor in force
	 * @param belowFloor whether a debit went below the floor by override
	 * @param balanceAfterPaise the balance right after it
	 * @param balanceAfter the balance for people
	 * @param createdAt when
	 */
	public record MovementView(String key, String premiseId, String kind, long amountPaise, String amount,
			String reason, String requestedBy, long floorPaise, boolean belowFloor, long balanceAfterPaise,
			String balanceAfter, Instant createdAt) {

		static MovementView of(WalletMovement m) {
			return new MovementView(m.key(), m.premiseId(), m.kind().token(), m.amountPaise(),
					Money.ofPaise(m.amountPaise()).toString(), m.reason(), m.requestedBy(), m.floorPaise(),
					m.belowFloor(), m.balanceAfterPaise(), Money.ofPaise(m.balanceAfterPaise()).toString(),
					m.createdAt());
		}

	}

}
