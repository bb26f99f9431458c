package eco.qubeprepaid.balance.ledger.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.domain.Onboarding;
import eco.qubeprepaid.balance.ledger.domain.StatementLine;
import eco.qubeprepaid.balance.work.PremiseLocks;
import eco.qubeprepaid.balance.work.ProcessedEvents;

/**
 * The ledger's storage: wallets, postings, onboardings and statements, in the caller's
 * transaction. It is also the premises' lock (the wallet row) and the consumed events'
 * register. Implemented by {@code ledger.persistence.LedgerStore}.
 */
public interface LedgerRepository extends PremiseLocks, ProcessedEvents {

	/**
	 * Writes postings whose idempotency keys are new (the caller checked them with
	 * {@link #postedKeys} under the wallet locks): a duplicate fails the transaction on
	 * the unique key rather than being skipped silently.
	 * @param postings the postings
	 */
	void postAll(List<LedgerPosting> postings);

	/**
	 * @param idempotencyKeys posting keys
	 * @return those already in the ledger
	 */
	Set<String> postedKeys(Collection<String> idempotencyKeys);

	/**
	 * Records premises' onboardings, one statement for all; the primary key refuses a
	 * second onboarding of a premise (it fails the transaction).
	 * @param onboardings the records
	 * @param now when
	 */
	void recordOnboardings(List<Onboarding> onboardings, Instant now);

	/**
	 * @param premiseId a premise
	 * @return how its wallet was opened, if its meter has been read
	 */
	Optional<Onboarding> onboarding(String premiseId);

	/**
	 * A wallet's balance: minus the sum of its entries, as the wallet is a liability. It
	 * is read from {@code wallet_balance}, which the database moves with every entry in
	 * the entry's transaction (migration V5), so it is exact without summing the history.
	 * @param premiseId a premise
	 * @return the balance in paise (zero for a premise without a wallet)
	 */
	long walletBalancePaise(String premiseId);

	/**
	 * @param premiseId a premise
	 * @return whether it has a wallet (its meter was read, or money moved for it)
	 */
	boolean hasWallet(String premiseId);

	/**
	 * The balances of several wallets in one round trip.
	 * @param premiseIds premises
	 * @return the balance of each that has a wallet, by premise
	 */
	Map<String, Long> walletBalances(Collection<String> premiseIds);

	/**
	 * When the wallet last moved.
	 * @param premiseId a premise
	 * @return the recording time of its newest entry, if any
	 */
	Optional<Instant> lastMovementAt(String premiseId);

	/**
	 * The wallet's lines whose effect occurred in {@code [from, to)}, newest first, each
	 * with the balance right after it.
	 * @param premiseId a premise
	 * @param from the start, inclusive
	 * @param to the end, exclusive
	 * @param limit the most lines to return
	 * @return the lines
	 */
	List<StatementLine> statement(String premiseId, Instant from, Instant to, int limit);

}
