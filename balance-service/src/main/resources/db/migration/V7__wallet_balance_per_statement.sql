-- The running wallet balance (V5) moves once per INSERT statement instead of once per entry row:
-- the ledger writes a batch's entries as multi-row INSERTs (ADR 0007), and one UPDATE per
-- wallet per statement, with the sum of its entries in that statement, costs PostgreSQL far
-- less than one UPDATE (and one lookup of the account) per row. Same transaction, same
-- invariant: every wallet's balance_paise equals minus the sum of its entries (every
-- integration test checks it), and an entry of a wallet without a running balance is refused.
-- [jooq ignore start]
CREATE FUNCTION wallet_balance_move_per_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing varchar;
BEGIN
    WITH per_account AS (
        SELECT e.account_id, sum(e.amount_paise) AS total FROM new_entries e GROUP BY e.account_id
    ), moved AS (
        UPDATE wallet_balance b SET balance_paise = b.balance_paise - p.total
          FROM per_account p WHERE b.account_id = p.account_id
        RETURNING b.account_id
    )
    -- Accounts that did not move are revenue and clearing accounts, unless a wallet lacks
    -- its running balance: only those few are looked up.
    SELECT p.account_id INTO missing FROM per_account p
     WHERE NOT EXISTS (SELECT 1 FROM moved m WHERE m.account_id = p.account_id)
       AND EXISTS (SELECT 1 FROM account a WHERE a.account_id = p.account_id AND a.kind = 'WALLET')
     LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'wallet % has no running balance', missing
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER ledger_entry_moves_wallet_balance ON ledger_entry;
DROP FUNCTION wallet_balance_move();

CREATE TRIGGER ledger_entries_move_wallet_balance AFTER INSERT ON ledger_entry
    REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION wallet_balance_move_per_statement();
-- [jooq ignore stop]
