package eco.qubeprepaid.balance.ledger.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import eco.qubeprepaid.service.persistence.DbTime;
import eco.qubeprepaid.balance.ledger.domain.Accounts;
import eco.qubeprepaid.balance.ledger.domain.LedgerPosting;
import eco.qubeprepaid.balance.ledger.domain.Onboarding;
import eco.qubeprepaid.balance.ledger.domain.StatementLine;
import eco.qubeprepaid.balance.ledger.application.LedgerRepository;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row2;
import org.jooq.Table;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static eco.qubeprepaid.balance.jooq.Tables.ACCOUNT;
import static eco.qubeprepaid.balance.jooq.Tables.LEDGER_ENTRY;
import static eco.qubeprepaid.balance.jooq.Tables.LEDGER_TRANSACTION;
import static eco.qubeprepaid.balance.jooq.Tables.PREMISE_ONBOARDING;
import static eco.qubeprepaid.balance.jooq.Tables.PROCESSED_EVENTS;
import static eco.qubeprepaid.balance.jooq.Tables.WALLET_BALANCE;

/**
 * The ledger's tables through jOOQ: consumer idempotency, wallets, balanced postings and
 * the statement. Every write runs in the caller's transaction.
 */
@Repository
public class LedgerStore implements LedgerRepository {

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
	@Override
	public boolean markProcessed(UUID eventId, String eventType) {
		return !markProcessed(List.of(eventId), eventType).isEmpty();
	}

	/**
	 * Records consumed events' ids in one statement. The ids are inserted in order, so
	 * that two transactions recording overlapping sets wait for each other instead of
	 * deadlocking.
	 * @param eventIds the event ids
	 * @param eventType their type token
	 * @return the ids recorded now (the others were processed before)
	 */
	@Override
	public Set<UUID> markProcessed(Collection<UUID> eventIds, String eventType) {
		if (eventIds.isEmpty()) {
			return Set.of();
		}
		List<Row2<UUID, String>> rows = new TreeSet<>(eventIds).stream().map((id) -> DSL.row(id, eventType)).toList();
		return new HashSet<>(
				this.dsl.insertInto(PROCESSED_EVENTS, PROCESSED_EVENTS.EVENT_ID, PROCESSED_EVENTS.EVENT_TYPE)
					.valuesOfRows(rows)
					.onConflictDoNothing()
					.returningResult(PROCESSED_EVENTS.EVENT_ID)
					.fetch(PROCESSED_EVENTS.EVENT_ID));
	}

	/**
	 * Opens the premises' wallets if needed and locks them until the end of the
	 * transaction, so that the movements of one premise (snapshots and top-ups arrive on
	 * different topics, operators act through the API) are applied one at a time and the
	 * balances reported in events are exact. Wallets are locked in id order, so two
	 * transactions locking overlapping sets cannot deadlock.
	 * @param premiseIds the premises
	 */
	@Override
	public void lock(Collection<String> premiseIds) {
		SortedMap<String, String> premiseOfWallet = new TreeMap<>();
		premiseIds.forEach((premiseId) -> premiseOfWallet.put(Accounts.wallet(premiseId), premiseId));
		// Known wallets (all but a premise's first movement) are locked in one round
		// trip;
		// new ones are opened and then locked, and the conflict clause covers two
		// transactions opening the same wallet at once.
		Set<String> missing = new TreeSet<>(premiseOfWallet.keySet());
		missing.removeAll(lockExisting(premiseOfWallet.keySet()));
		if (missing.isEmpty()) {
			return;
		}
		var insert = this.dsl.insertInto(ACCOUNT, ACCOUNT.ACCOUNT_ID, ACCOUNT.KIND, ACCOUNT.PREMISE_ID);
		for (String wallet : missing) {
			insert = insert.values(wallet, "WALLET", premiseOfWallet.get(wallet));
		}
		insert.onConflictDoNothing().execute();
		Set<String> locked = lockExisting(missing);
		if (!locked.containsAll(missing)) {
			missing.removeAll(locked);
			throw new IllegalStateException("wallets " + missing + " could not be opened");
		}
	}

	private Set<String> lockExisting(Collection<String> wallets) {
		return new HashSet<>(this.dsl.select(ACCOUNT.ACCOUNT_ID)
			.from(ACCOUNT)
			.where(ACCOUNT.ACCOUNT_ID.in(wallets))
			.orderBy(ACCOUNT.ACCOUNT_ID)
			.forUpdate()
			.fetch(ACCOUNT.ACCOUNT_ID));
	}

	/**
	 * Writes postings whose idempotency keys are new (the caller checked them with
	 * {@link #postedKeys} under the wallet locks): a duplicate fails the transaction on
	 * the unique key rather than being skipped silently.
	 * @param postings the postings
	 */
	@Override
	public void postAll(List<LedgerPosting> postings) {
		if (postings.isEmpty()) {
			return;
		}
		BatchBindStep transactions = this.dsl.batch(
				this.dsl
					.insertInto(LEDGER_TRANSACTION, LEDGER_TRANSACTION.TX_ID, LEDGER_TRANSACTION.IDEMPOTENCY_KEY,
							LEDGER_TRANSACTION.PREMISE_ID, LEDGER_TRANSACTION.KIND, LEDGER_TRANSACTION.DESCRIPTION,
							LEDGER_TRANSACTION.OCCURRED_AT)
					.values((UUID) null, null, null, null, null, null));
		BatchBindStep entries = this.dsl.batch(this.dsl
			.insertInto(LEDGER_ENTRY, LEDGER_ENTRY.TX_ID, LEDGER_ENTRY.ACCOUNT_ID, LEDGER_ENTRY.AMOUNT_PAISE)
			.values((UUID) null, null, null));
		for (LedgerPosting posting : postings) {
			UUID txId = UUID.randomUUID();
			transactions.bind(txId, posting.idempotencyKey(), posting.premiseId(), posting.kind().name(),
					posting.description(), DbTime.utc(posting.occurredAt()));
			for (LedgerPosting.Entry entry : posting.entries()) {
				entries.bind(txId, entry.accountId(), entry.amountPaise());
			}
		}
		transactions.execute();
		entries.execute();
	}

	/**
	 * @param idempotencyKeys posting keys
	 * @return those already in the ledger
	 */
	@Override
	public Set<String> postedKeys(Collection<String> idempotencyKeys) {
		if (idempotencyKeys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.dsl.select(LEDGER_TRANSACTION.IDEMPOTENCY_KEY)
			.from(LEDGER_TRANSACTION)
			.where(LEDGER_TRANSACTION.IDEMPOTENCY_KEY.in(idempotencyKeys))
			.fetch(LEDGER_TRANSACTION.IDEMPOTENCY_KEY));
	}

	/**
	 * Records premises' onboardings, one statement for all; the primary key refuses a
	 * second onboarding of a premise (it fails the transaction).
	 * @param onboardings the records
	 * @param now when
	 */
	@Override
	public void recordOnboardings(List<Onboarding> onboardings, Instant now) {
		if (onboardings.isEmpty()) {
			return;
		}
		BatchBindStep batch = this.dsl
			.batch(this.dsl
				.insertInto(PREMISE_ONBOARDING, PREMISE_ONBOARDING.PREMISE_ID, PREMISE_ONBOARDING.SNAPSHOT_EVENT_ID,
						PREMISE_ONBOARDING.DEVICE_ID, PREMISE_ONBOARDING.METER_BALANCE_PAISE,
						PREMISE_ONBOARDING.OPENING_BALANCE_PAISE, PREMISE_ONBOARDING.RULE,
						PREMISE_ONBOARDING.OBSERVED_AT, PREMISE_ONBOARDING.ONBOARDED_AT)
				.values((String) null, null, null, null, null, null, null, null));
		for (Onboarding o : onboardings) {
			batch.bind(o.premiseId(), o.snapshotEventId(), o.deviceId(), o.meterBalancePaise(), o.openingBalancePaise(),
					o.rule(), DbTime.utc(o.observedAt()), DbTime.utc(now));
		}
		batch.execute();
	}

	/**
	 * @param premiseId a premise
	 * @return how its wallet was opened, if its meter has been read
	 */
	@Override
	public Optional<Onboarding> onboarding(String premiseId) {
		return this.dsl.selectFrom(PREMISE_ONBOARDING)
			.where(PREMISE_ONBOARDING.PREMISE_ID.eq(premiseId))
			.fetchOptional((r) -> new Onboarding(r.getPremiseId(), r.getSnapshotEventId(), r.getDeviceId(),
					r.getMeterBalancePaise(), r.getOpeningBalancePaise(), r.getRule(),
					DbTime.instant(r.getObservedAt())));
	}

	/**
	 * @param premiseId a premise
	 * @return whether it has a wallet
	 */
	@Override
	public boolean known(String premiseId) {
		return this.dsl.fetchExists(ACCOUNT, ACCOUNT.ACCOUNT_ID.eq(Accounts.wallet(premiseId)));
	}

	/**
	 * A wallet's balance: minus the sum of its entries, as the wallet is a liability. It
	 * is read from {@code wallet_balance}, which the database moves with every entry in
	 * the entry's transaction (migration V5), so it is exact without summing the history.
	 * @param premiseId a premise
	 * @return the balance in paise (zero for a premise without a wallet)
	 */
	@Override
	public long walletBalancePaise(String premiseId) {
		return walletBalances(List.of(premiseId)).getOrDefault(premiseId, 0L);
	}

	@Override
	public boolean hasWallet(String premiseId) {
		return this.dsl.fetchExists(ACCOUNT, ACCOUNT.ACCOUNT_ID.eq(Accounts.wallet(premiseId)));
	}

	/**
	 * The balances of several wallets in one round trip.
	 * @param premiseIds premises
	 * @return the balance of each that has a wallet, by premise
	 */
	@Override
	public Map<String, Long> walletBalances(Collection<String> premiseIds) {
		return this.dsl.select(WALLET_BALANCE.PREMISE_ID, WALLET_BALANCE.BALANCE_PAISE)
			.from(WALLET_BALANCE)
			.where(WALLET_BALANCE.PREMISE_ID.in(premiseIds))
			.fetchMap(WALLET_BALANCE.PREMISE_ID, WALLET_BALANCE.BALANCE_PAISE);
	}

	/**
	 * When the wallet last moved.
	 * @param premiseId a premise
	 * @return the recording time of its newest entry, if any
	 */
	@Override
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
	@Override
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

}
