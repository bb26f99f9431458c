package eco.qubeprepaid.balance.ledger.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import eco.qubeprepaid.balance.ledger.application.LedgerQueries;
import eco.qubeprepaid.balance.ledger.domain.Money;
import eco.qubeprepaid.balance.ledger.domain.StatementLine;
import eco.qubeprepaid.balance.web.IstDateRange;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read API of a premise's wallet: its balance and its statement. */
@RestController
@RequestMapping("/api/premises/{premiseId}")
public class LedgerController {

	/** The most lines one statement returns. */
	static final int MAX_LINES = 1000;

	private final LedgerQueries ledger;

	private final Clock clock;

	public LedgerController(LedgerQueries ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	@GetMapping("/balance")
	public BalanceView balance(@PathVariable String premiseId) {
		LedgerQueries.Balance balance = this.ledger.balance(premiseId);
		return new BalanceView(premiseId, balance.paise(), Money.ofPaise(balance.paise()).toString(),
				this.clock.instant(), balance.lastMovementAt().orElse(null));
	}

	@GetMapping("/statement")
	public StatementView statement(@PathVariable String premiseId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		IstDateRange range = IstDateRange.parse(from, to, this.clock);
		List<StatementLine> lines = this.ledger.statement(premiseId, range.start(), range.end(), MAX_LINES);
		return new StatementView(premiseId, range.from(), range.to(), lines.size() == MAX_LINES,
				lines.stream().map(StatementLineView::of).toList());
	}

	/**
	 * A wallet balance.
	 *
	 * @param premiseId the premise
	 * @param balancePaise the balance in paise
	 * @param balance the balance for people, e.g. {@code ₹1,234.05}
	 * @param asOf when it was read
	 * @param lastMovementAt when the wallet last moved, or {@code null}
	 */
	public record BalanceView(String premiseId, long balancePaise, String balance, Instant asOf,
			Instant lastMovementAt) {
	}

	/**
	 * A statement.
	 *
	 * @param premiseId the premise
	 * @param from the first IST day
	 * @param to the last IST day
	 * @param truncated whether more lines exist than were returned
	 * @param lines the lines, newest first
	 */
	public record StatementView(String premiseId, LocalDate from, LocalDate to, boolean truncated,
			List<StatementLineView> lines) {
	}

	/**
	 * A statement line.
	 *
	 * @param occurredAt when the effect happened
	 * @param kind the movement's kind
	 * @param description the text
	 * @param reference the idempotency key of the movement
	 * @param amountPaise the change (negative for a charge)
	 * @param amount the change for people
	 * @param balanceAfterPaise the balance right after it
	 * @param balanceAfter the balance for people
	 */
	public record StatementLineView(Instant occurredAt, String kind, String description, String reference,
			long amountPaise, String amount, long balanceAfterPaise, String balanceAfter) {

		static StatementLineView of(StatementLine line) {
			return new StatementLineView(line.occurredAt(), line.kind(), line.description(), line.reference(),
					line.amountPaise(), Money.ofPaise(line.amountPaise()).toString(), line.balanceAfterPaise(),
					Money.ofPaise(line.balanceAfterPaise()).toString());
		}

	}

}
