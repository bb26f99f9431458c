package eco.qubeprepaid.balance.ledger.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.balance.ledger.domain.Accounts;
import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static eco.qubeprepaid.balance.jooq.Tables.ACCOUNT;
import static eco.qubeprepaid.balance.jooq.Tables.LEDGER_ENTRY;
import static eco.qubeprepaid.balance.jooq.Tables.LEDGER_TRANSACTION;
import static eco.qubeprepaid.balance.jooq.Tables.PROCESSED_EVENTS;
import static eco.qubeprepaid.balance.jooq.Tables.WALLET_BALANCE;

/**
 * The ledger's tables through jOOQ: consumer idempotency, wallets, balanced postings and
 * the statement. Every write runs in the caller's transaction.
 */
@Repository
public class LedgerStore {

	private final DSLContext dsl;

	public LedgerStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Records a consumed event's id.
	 * @param eventId the event id
	 * @param eventType its type token
	 * @return {@code true} the first time, {@code false} if it was already processed
	 */
	public boolean markProcessed(UUID eventId, String eventType) {
		return this.dsl.insertInto(PROCESSED_EVENTS)
			.set(PROCESSED_EVENTS.EVENT_ID, eventId)
			.set(PROCESSED_EVENTS.EVENT_TYPE, eventType)
			.onConflictDoNothing()
			.execute() == 1;
	}

	/**
	 * Opens the premise's wallet if needed and locks it until the end of the transaction,
	 * so that the movements of one premise (snapshots and top-ups arrive on different
	 * topics) are applied one at a time and balances reported in events are exact.
	 * @param premiseId the premise
	 */
	public void lockWallet(String premiseId) {
		String wallet = Accounts.wallet(premiseId);
		// Known wallets (all but the first movement) are locked in one round trip; a new
		// one
		// is opened first, and the conflict clause covers two transactions opening it at
		// once.
		if (lockExisting(wallet)) {
			return;
		}
		this.dsl.insertInto(ACCOUNT)
			.set(ACCOUNT.ACCOUNT_ID, wallet)
			.set(ACCOUNT.KIND, "WALLET")
			.set(ACCOUNT.PREMISE_ID, premiseId)
			.onConflictDoNothing()
			.execute();
		if (!lockExisting(wallet)) {
			throw new IllegalStateException("wallet " + wallet + " could not be opened");
		}
	}

	private boolean lockExisting(String wallet) {
		return this.dsl.selectOne().from(ACCOUNT).where(ACCOUNT.ACCOUNT_ID.eq(wallet)).forUpdate().fetchOne() != null;
	}

	/**
	 * Writes a posting unless its effect is already in the ledger.
	 * @param posting the posting
	 * @return {@code true} if written, {@code false} if its idempotency key exists
	 */
	public boolean post(LedgerPosting posting) {
		Map<String, Long> known = balancesReadInTransaction();
		if (known != null) {
			// Any posting may move any wallet it names: every balance is read again.
			known.clear();
		}
		UUID txId = UUID.randomUUID();
		int inserted = this.dsl.insertInto(LEDGER_TRANSACTION)
			.set(LEDGER_TRANSACTION.TX_ID, txId)
			.set(LEDGER_TRANSACTION.IDEMPOTENCY_KEY, posting.idempotencyKey())
			.set(LEDGER_TRANSACTION.PREMISE_ID, posting.premiseId())
			.set(LEDGER_TRANSACTION.KIND, posting.kind().name())
			.set(LEDGER_TRANSACTION.DESCRIPTION, posting.description())
			.set(LEDGER_TRANSACTION.OCCURRED_AT, DbTime.utc(posting.occurredAt()))
			.onConflict(LEDGER_TRANSACTION.IDEMPOTENCY_KEY)
			.doNothing()
			.execute();
		if (inserted == 0) {
			return false;
		}
		var insert = this.dsl.insertInto(LEDGER_ENTRY, LEDGER_ENTRY.TX_ID, LEDGER_ENTRY.ACCOUNT_ID,
				LEDGER_ENTRY.AMOUNT_PAISE);
		for (LedgerPosting.Entry entry : posting.entries()) {
			insert = insert.values(txId, entry.accountId(), entry.amountPaise());
		}
		insert.execute();
		return true;
	}

	/**
	 * @param premiseId a premise
	 * @return whether it has a wallet
	 */
	public boolean walletExists(String premiseId) {
		return this.dsl.fetchExists(ACCOUNT, ACCOUNT.ACCOUNT_ID.eq(Accounts.wallet(premiseId)));
	}

	/**
	 * The wallet balance: minus the sum of its entries, as the wallet is a liability. It
	 * is read from {@code wallet_balance}, which the database moves with every entry in
	 * the entry's transaction (migration V5), so it is exact without summing the history.
	 * @param premiseId a premise
	 * @return the balance in paise
	 */
	public long walletBalancePaise(String premiseId) {
		Map<String, Long> known = balancesReadInTransaction();
		Long balance = (known != null) ? known.get(premiseId) : null;
		if (balance == null) {
			balance = this.dsl.select(WALLET_BALANCE.BALANCE_PAISE)
				.from(WALLET_BALANCE)
				.where(WALLET_BALANCE.ACCOUNT_ID.eq(Accounts.wallet(premiseId)))
				.fetchOptional(WALLET_BALANCE.BALANCE_PAISE)
				.orElse(0L);
			if (known != null) {
				known.put(premiseId, balance);
			}
		}
		return balance;
	}

	/**
	 * The balances read in the current transaction, by premise. A balance read under the
	 * wallet lock cannot change until this transaction posts to the wallet (every posting
	 * takes the lock, and {@link #post} forgets the balances), so the billing and the
	 * policy of one movement share one read.
	 * @return the balances, or {@code null} outside of a transaction
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Long> balancesReadInTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Map<String, Long> known = (Map<String, Long>) TransactionSynchronizationManager.getResource(this);
		if (known == null) {
			known = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, known);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(LedgerStore.this);
				}
			});
		}
		return known;
	}

	/**
	 * When the wallet last moved.
	 * @param premiseId a premise
	 * @return the recording time of its newest entry, if any
	 */
	public Optional<Instant> lastMovementAt(String premiseId) {
		return this.dsl.select(DSL.max(LEDGER_TRANSACTION.RECORDED_AT))
			.from(LEDGER_TRANSACTION)
			.join(LEDGER_ENTRY)
			.on(LEDGER_ENTRY.TX_ID.eq(LEDGER_TRANSACTION.TX_ID))
			.where(LEDGER_ENTRY.ACCOUNT_ID.eq(Accounts.wallet(premiseId)))
			.fetchOptional(0, java.time.OffsetDateTime.class)
			.map(DbTime::instant);
	}

	/**
	 * The wallet's lines whose effect occurred in {@code [from, to)}, newest first, each
	 * with the balance right after it.
	 * @param premiseId a premise
	 * @param from the start, inclusive
	 * @param to the end, exclusive
	 * @param limit the most lines to return
	 * @return the lines
	 */
	public List<StatementLine> statement(String premiseId, Instant from, Instant to, int limit) {
		Field<Long> amount = LEDGER_ENTRY.AMOUNT_PAISE.neg().as("amount_paise");
		Field<BigDecimal> running = DSL.sum(LEDGER_ENTRY.AMOUNT_PAISE.neg())
			.over(DSL.orderBy(LEDGER_ENTRY.ENTRY_ID))
			.as("balance_after_paise");
		Table<?> lines = this.dsl
			.select(LEDGER_ENTRY.ENTRY_ID, LEDGER_TRANSACTION.KIND, LEDGER_TRANSACTION.DESCRIPTION,
					LEDGER_TRANSACTION.IDEMPOTENCY_KEY, LEDGER_TRANSACTION.OCCURRED_AT, amount, running)
			.from(LEDGER_ENTRY)
			.join(LEDGER_TRANSACTION)
			.on(LEDGER_TRANSACTION.TX_ID.eq(LEDGER_ENTRY.TX_ID))
			.where(LEDGER_ENTRY.ACCOUNT_ID.eq(Accounts.wallet(premiseId)))
			.asTable("lines");
		Field<java.time.OffsetDateTime> occurredAt = lines.field(LEDGER_TRANSACTION.OCCURRED_AT);
		return this.dsl.selectFrom(lines)
			.where(occurredAt.ge(DbTime.utc(from)).and(occurredAt.lt(DbTime.utc(to))))
			.orderBy(lines.field(LEDGER_ENTRY.ENTRY_ID).desc())
			.limit(limit)
			.fetch(LedgerStore::line);
	}

	private static StatementLine line(Record row) {
		return new StatementLine(row.get(LEDGER_TRANSACTION.KIND), row.get(LEDGER_TRANSACTION.DESCRIPTION),
				row.get(LEDGER_TRANSACTION.IDEMPOTENCY_KEY), DbTime.instant(row.get(LEDGER_TRANSACTION.OCCURRED_AT)),
				row.get("amount_paise", Long.class), row.get("balance_after_paise", BigDecimal.class).longValueExact());
	}

	/**
	 * One line of a statement.
	 *
	 * @param kind the movement's kind
	 * @param description the line's text
	 * @param reference the movement's idempotency key
	 * @param occurredAt when the effect happened
	 * @param amountPaise the change to the balance (negative for a charge)
	 * @param balanceAfterPaise the balance right after the line
	 */
	public record StatementLine(String kind, String description, String reference, Instant occurredAt, long amountPaise,
			long balanceAfterPaise) {
	}

}
