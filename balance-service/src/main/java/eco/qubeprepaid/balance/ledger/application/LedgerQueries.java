package eco.qubeprepaid.balance.ledger.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import eco.qubeprepaid.balance.errors.UnknownPremiseException;
import eco.qubeprepaid.balance.ledger.domain.StatementLine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the ledger tells about a wallet: its balance and its statement, read-only. */
@Service
public class LedgerQueries {

	private final LedgerRepository ledger;

	public LedgerQueries(LedgerRepository ledger) {
		this.ledger = ledger;
	}

	/**
	 * @param premiseId a premise
	 * @return its balance and when it last moved
	 * @throws UnknownPremiseException if it has no wallet
	 */
	@Transactional(readOnly = true)
	public Balance balance(String premiseId) {
		this.ledger.requireKnown(premiseId);
		return new Balance(this.ledger.walletBalancePaise(premiseId), this.ledger.lastMovementAt(premiseId));
	}

	/**
	 * @param premiseId a premise
	 * @param from the start, inclusive
	 * @param to the end, exclusive
	 * @param limit the most lines to return
	 * @return the wallet's lines in the range, newest first
	 * @throws UnknownPremiseException if it has no wallet
	 */
	@Transactional(readOnly = true)
	public List<StatementLine> statement(String premiseId, Instant from, Instant to, int limit) {
		this.ledger.requireKnown(premiseId);
		return this.ledger.statement(premiseId, from, to, limit);
	}

	/**
	 * A wallet's balance.
	 *
	 * @param paise the balance in paise
	 * @param lastMovementAt when it last moved, if ever
	 */
	public record Balance(long paise, Optional<Instant> lastMovementAt) {
	}

}
