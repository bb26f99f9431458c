-- Issue 10: an operator's credit and debit adjustments, and refunds (the wallet debited for a
-- refund the payment service sends to the gateway, given back if the gateway refuses it).
ALTER TABLE ledger_transaction DROP CONSTRAINT ledger_transaction_kind_ck;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_kind_ck CHECK (kind IN ('ENERGY', 'FIXED_CHARGE',
    'TOP_UP', 'ADJUSTMENT', 'OPENING_BALANCE', 'METER_CREDIT', 'REFUND', 'REFUND_REVERSAL'));

-- The audit of every movement asked for by a person or another service: what, how much, why, by
-- whom, and whether the debit floor was overridden. Its key is the ledger transaction's
-- idempotency key (a foreign key), so a movement is recorded once and only with its posting.
CREATE TABLE wallet_movement (
    movement_key        varchar     NOT NULL,
    premise_id          varchar     NOT NULL,
    kind                varchar     NOT NULL,
    amount_paise        bigint      NOT NULL,
    reason              varchar     NOT NULL,
    requested_by        varchar     NOT NULL,
    floor_paise         bigint      NOT NULL,
    below_floor         boolean     NOT NULL,
    balance_after_paise bigint      NOT NULL,
    created_at          timestamptz NOT NULL,
    CONSTRAINT wallet_movement_pk PRIMARY KEY (movement_key),
    CONSTRAINT wallet_movement_posting_fk FOREIGN KEY (movement_key)
        REFERENCES ledger_transaction (idempotency_key),
    CONSTRAINT wallet_movement_kind_ck CHECK (kind IN ('ADJUSTMENT_CREDIT', 'ADJUSTMENT_DEBIT', 'REFUND',
        'REFUND_REVERSAL')),
    CONSTRAINT wallet_movement_amount_ck CHECK (amount_paise > 0),
    CONSTRAINT wallet_movement_reason_ck CHECK (length(btrim(reason)) > 0),
    -- A debit that leaves the wallet below the floor is there only by an explicit override.
    CONSTRAINT wallet_movement_floor_ck CHECK (below_floor OR kind NOT IN ('ADJUSTMENT_DEBIT', 'REFUND')
        OR balance_after_paise >= floor_paise)
);

CREATE INDEX wallet_movement_premise_ix ON wallet_movement (premise_id, created_at DESC);
