-- The double-entry ledger. Amounts are integer paise; an entry's amount is positive for a debit
-- and negative for a credit, so every ledger transaction sums to zero. A wallet is a liability:
-- its balance (the credit the tenant holds) is minus the sum of its entries.
CREATE TABLE account (
    account_id varchar        NOT NULL,
    kind       varchar        NOT NULL,
    premise_id varchar,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_pk PRIMARY KEY (account_id),
    CONSTRAINT account_kind_ck CHECK (kind IN ('WALLET', 'REVENUE_EB', 'REVENUE_DG', 'REVENUE_FIXED',
        'PAYMENTS_CLEARING', 'ADJUSTMENTS')),
    CONSTRAINT account_wallet_has_premise_ck CHECK ((kind = 'WALLET') = (premise_id IS NOT NULL))
);

CREATE UNIQUE INDEX account_wallet_premise_uk ON account (premise_id);

INSERT INTO account (account_id, kind) VALUES
    ('revenue:eb', 'REVENUE_EB'),
    ('revenue:dg', 'REVENUE_DG'),
    ('revenue:fixed', 'REVENUE_FIXED'),
    ('clearing:payments', 'PAYMENTS_CLEARING'),
    ('adjustments', 'ADJUSTMENTS');

-- One row per effect on money. The idempotency key names the effect (snapshot:<eventId>,
-- topup:<paymentId>, fixed:<premise>:<IST date>), so a second attempt at the same effect fails
-- inside the transaction that tries it.
CREATE TABLE ledger_transaction (
    tx_id           uuid        NOT NULL,
    idempotency_key varchar        NOT NULL,
    premise_id      varchar        NOT NULL,
    kind            varchar        NOT NULL,
    description     varchar        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_transaction_pk PRIMARY KEY (tx_id),
    CONSTRAINT ledger_transaction_idempotency_key_uk UNIQUE (idempotency_key),
    CONSTRAINT ledger_transaction_kind_ck CHECK (kind IN ('ENERGY', 'FIXED_CHARGE', 'TOP_UP', 'ADJUSTMENT'))
);

CREATE TABLE ledger_entry (
    entry_id     bigint GENERATED ALWAYS AS IDENTITY,
    tx_id        uuid   NOT NULL,
    account_id   varchar   NOT NULL,
    amount_paise bigint NOT NULL,
    CONSTRAINT ledger_entry_pk PRIMARY KEY (entry_id),
    CONSTRAINT ledger_entry_tx_fk FOREIGN KEY (tx_id) REFERENCES ledger_transaction (tx_id),
    CONSTRAINT ledger_entry_account_fk FOREIGN KEY (account_id) REFERENCES account (account_id),
    CONSTRAINT ledger_entry_amount_nonzero_ck CHECK (amount_paise <> 0)
);

CREATE INDEX ledger_entry_account_ix ON ledger_entry (account_id, entry_id);
CREATE INDEX ledger_entry_tx_ix ON ledger_entry (tx_id);

-- [jooq ignore start]
-- Entries and transactions are append-only: a correction is a new transaction.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger rows are immutable: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER ledger_entry_immutable BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_transaction_immutable BEFORE UPDATE OR DELETE ON ledger_transaction
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_transaction_no_truncate BEFORE TRUNCATE ON ledger_transaction
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- At commit, every ledger transaction touched must have at least two entries that sum to zero.
-- The triggers are deferred so that the entries of one transaction can be inserted one by one.
CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entries integer;
    total   numeric;
BEGIN
    SELECT count(*), coalesce(sum(amount_paise), 0) INTO entries, total
        FROM ledger_entry WHERE tx_id = NEW.tx_id;
    IF entries < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'unbalanced ledger transaction %: % entries summing to % paise', NEW.tx_id, entries, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
CREATE CONSTRAINT TRIGGER ledger_transaction_balanced AFTER INSERT ON ledger_transaction
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
-- [jooq ignore stop]
