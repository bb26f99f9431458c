-- The running balance of each wallet, so that reading a balance costs one primary-key lookup
-- instead of a SUM over the wallet's whole history. It is the database's own copy of
-- -sum(ledger_entry.amount_paise): a trigger moves it with every entry inserted, in the
-- inserting transaction (ledger entries are append-only, so inserts are the only change), and
-- a trigger on account creates the row with the wallet. The application never writes it.
CREATE TABLE wallet_balance (
    account_id    varchar NOT NULL,
    premise_id    varchar NOT NULL,
    balance_paise bigint  NOT NULL,
    CONSTRAINT wallet_balance_pk PRIMARY KEY (account_id),
    CONSTRAINT wallet_balance_account_fk FOREIGN KEY (account_id) REFERENCES account (account_id)
);

-- The version of the reference data (tariff versions, policies, holidays), moved by a trigger
-- on every change to those tables. The in-memory caches of these tables compare it once per
-- transaction, so a change made through any instance is seen exactly as without a cache. New
-- versions come from a sequence, which a rollback does not rewind: a version number is never
-- reused for other contents.
CREATE TABLE reference_data_version (
    singleton boolean NOT NULL DEFAULT true,
    version   bigint  NOT NULL,
    CONSTRAINT reference_data_version_pk PRIMARY KEY (singleton),
    CONSTRAINT reference_data_version_singleton_ck CHECK (singleton)
);

INSERT INTO reference_data_version (singleton, version) VALUES (true, 1);

-- [jooq ignore start]
CREATE SEQUENCE reference_data_version_seq START WITH 2;

INSERT INTO wallet_balance (account_id, premise_id, balance_paise)
SELECT a.account_id, a.premise_id,
       coalesce(-(SELECT sum(e.amount_paise) FROM ledger_entry e WHERE e.account_id = a.account_id), 0)
  FROM account a
 WHERE a.kind = 'WALLET';

CREATE FUNCTION wallet_balance_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wallet_balance (account_id, premise_id, balance_paise) VALUES (NEW.account_id, NEW.premise_id, 0);
    RETURN NULL;
END
$$;

CREATE TRIGGER account_opens_wallet_balance AFTER INSERT ON account
    FOR EACH ROW WHEN (NEW.kind = 'WALLET') EXECUTE FUNCTION wallet_balance_open();

-- Only wallets have a row; the entries of the other accounts (revenue, clearing) update
-- nothing, so those hot rows are never locked by concurrent postings.
CREATE FUNCTION wallet_balance_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE wallet_balance SET balance_paise = balance_paise - NEW.amount_paise WHERE account_id = NEW.account_id;
    IF NOT FOUND AND EXISTS (SELECT 1 FROM account WHERE account_id = NEW.account_id AND kind = 'WALLET') THEN
        RAISE EXCEPTION 'wallet % has no running balance', NEW.account_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_entry_moves_wallet_balance AFTER INSERT ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION wallet_balance_move();

CREATE FUNCTION reference_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reference_data_version SET version = nextval('reference_data_version_seq');
    RETURN NULL;
END
$$;

CREATE TRIGGER tariff_version_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tariff_version
    FOR EACH STATEMENT EXECUTE FUNCTION reference_data_changed();
CREATE TRIGGER premise_policy_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON premise_policy
    FOR EACH STATEMENT EXECUTE FUNCTION reference_data_changed();
CREATE TRIGGER friendly_holiday_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON friendly_holiday
    FOR EACH STATEMENT EXECUTE FUNCTION reference_data_changed();
-- [jooq ignore stop]
