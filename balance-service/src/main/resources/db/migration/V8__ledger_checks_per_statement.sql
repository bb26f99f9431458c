-- The ledger's integrity, checked once per statement or per posting instead of once per entry
-- row (ADR 0008). The invariants do not change: an entry names an existing account and a
-- ledger transaction, every ledger transaction has at least two entries summing to zero, and
-- nothing in the ledger changes once written. What changes is how PostgreSQL checks them:
--
-- * The two foreign keys of ledger_entry locked the referenced rows (FOR KEY SHARE) entry by
--   entry, and the few revenue accounts are referenced by every posting of every consumer at
--   once: shared row locks by several transactions on one row (multixacts) were about a fifth
--   of an entry insert's cost. Accounts and ledger transactions are never updated or deleted
--   (triggers refuse it; accounts are made immutable here), so a reference that exists when the
--   entry is inserted exists for ever, and no lock is needed to keep it: a statement-level
--   trigger checks the references of all the statement's entries at once.
-- * The balance was checked at commit once per entry and once per ledger transaction (three
--   times for a two-legged posting). Now once per ledger transaction, which is sound because an
--   entry is refused unless its ledger transaction was inserted by the same database
--   transaction: every entry of a transaction is present when that transaction's check runs at
--   commit, and a committed ledger transaction can never gain an entry.

-- [jooq ignore start]
-- Which database transaction inserted the ledger transaction. Rows written before V8 have none,
-- so no entry can be added to them either. The application never writes the column: its
-- default fills it, and a statement trigger refuses any other value.
ALTER TABLE ledger_transaction ADD COLUMN recorded_in_xact xid8;
ALTER TABLE ledger_transaction ALTER COLUMN recorded_in_xact SET DEFAULT pg_current_xact_id();

CREATE FUNCTION ledger_transactions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    forged uuid;
BEGIN
    SELECT t.tx_id INTO forged FROM new_transactions t
     WHERE t.recorded_in_xact IS DISTINCT FROM pg_current_xact_id()
     LIMIT 1;
    IF forged IS NOT NULL THEN
        RAISE EXCEPTION 'ledger transaction %: recorded_in_xact is set by the database, not by the caller', forged
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_transactions_inserted AFTER INSERT ON ledger_transaction
    REFERENCING NEW TABLE AS new_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_transactions_inserted();

-- Accounts are immutable, like the entries that name them.
CREATE TRIGGER account_immutable BEFORE UPDATE OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER account_no_truncate BEFORE TRUNCATE ON account
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- One trigger per INSERT statement on ledger_entry: the references of its entries, then the
-- running wallet balances (as V7 did).
CREATE FUNCTION ledger_entries_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stray     uuid;
    refused_account varchar;
    refused_kind    varchar;
BEGIN
    -- The lookups are scalar subqueries, one primary-key probe per distinct transaction or
    -- account: PL/pgSQL plans a query without parameters once per session, and a join planned
    -- while the ledger was small (a hash join over a sequential scan) would be kept while the
    -- ledger grows.
    SELECT e.tx_id INTO stray FROM (SELECT DISTINCT n.tx_id FROM new_entries n) e
     WHERE (SELECT t.recorded_in_xact FROM ledger_transaction t WHERE t.tx_id = e.tx_id)
           IS DISTINCT FROM pg_current_xact_id()
     LIMIT 1;
    IF stray IS NOT NULL THEN
        RAISE EXCEPTION 'ledger entry refused: ledger transaction % was not inserted by this database transaction', stray
            USING ERRCODE = 'foreign_key_violation';
    END IF;

    WITH per_account AS (
        SELECT n.account_id, sum(n.amount_paise) AS total FROM new_entries n GROUP BY n.account_id
    ), moved AS (
        UPDATE wallet_balance b SET balance_paise = b.balance_paise - p.total
          FROM per_account p WHERE b.account_id = p.account_id
        RETURNING b.account_id
    )
    -- A wallet that moved has a running balance, whose row references its account. Only the
    -- few others (revenue and clearing accounts) are looked up: an unknown account, or a
    -- wallet without a running balance, is refused.
    SELECT x.account_id, x.kind INTO refused_account, refused_kind
      FROM (SELECT p.account_id, (SELECT a.kind FROM account a WHERE a.account_id = p.account_id) AS kind
              FROM per_account p
             WHERE NOT EXISTS (SELECT 1 FROM moved m WHERE m.account_id = p.account_id)) x
     WHERE x.kind IS NULL OR x.kind = 'WALLET'
     LIMIT 1;
    IF refused_account IS NOT NULL AND refused_kind IS NULL THEN
        RAISE EXCEPTION 'ledger entry refused: account % does not exist', refused_account
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF refused_account IS NOT NULL THEN
        RAISE EXCEPTION 'wallet % has no running balance', refused_account
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER ledger_entries_move_wallet_balance ON ledger_entry;
DROP FUNCTION wallet_balance_move_per_statement();
DROP TRIGGER ledger_entry_balanced ON ledger_entry;

CREATE TRIGGER ledger_entries_inserted AFTER INSERT ON ledger_entry
    REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_inserted();
-- [jooq ignore stop]

ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_tx_fk;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_account_fk;
