-- Issue 10: refunds an operator asks for, full or partial. A refund moves forward only:
-- REQUESTED (recorded, its amount reserved on the payment) -> DEBITED (taken from the wallet by
-- balance-service) -> SENT (accepted by the gateway under the refund's id as its idempotency key)
-- -> PROCESSED; or REQUESTED -> REFUSED (the wallet's floor, nothing taken); or DEBITED ->
-- REVERSING -> REVERSED (the gateway refused it for good, the wallet given back).

-- What is refunded or reserved for a refund in flight; never more than was captured.
ALTER TABLE captured_payments ADD COLUMN refunded_paise bigint NOT NULL DEFAULT 0;
ALTER TABLE captured_payments ADD CONSTRAINT captured_payments_refunded_ck
    CHECK (refunded_paise >= 0 AND refunded_paise <= amount_paise);

CREATE TABLE refunds (
    refund_id           uuid        NOT NULL,
    request_key         varchar     NOT NULL,
    payment_id          varchar     NOT NULL,
    premise_id          varchar     NOT NULL,
    amount_paise        bigint      NOT NULL,
    reason              varchar     NOT NULL,
    requested_by        varchar     NOT NULL,
    override_floor      boolean     NOT NULL,
    status              varchar     NOT NULL,
    gateway_refund_id   varchar,
    balance_after_paise bigint,
    last_error          varchar,
    attempts            integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    processed_at        timestamptz,
    CONSTRAINT refunds_pk PRIMARY KEY (refund_id),
    -- The operator's Idempotency-Key: the same request twice is one refund.
    CONSTRAINT refunds_request_key_uk UNIQUE (request_key),
    CONSTRAINT refunds_gateway_refund_uk UNIQUE (gateway_refund_id),
    CONSTRAINT refunds_payment_fk FOREIGN KEY (payment_id) REFERENCES captured_payments (payment_id),
    CONSTRAINT refunds_amount_ck CHECK (amount_paise > 0),
    CONSTRAINT refunds_reason_ck CHECK (length(btrim(reason)) > 0),
    CONSTRAINT refunds_status_ck CHECK (status IN ('REQUESTED', 'DEBITED', 'SENT', 'PROCESSED', 'REFUSED',
        'REVERSING', 'REVERSED')),
    CONSTRAINT refunds_sent_has_gateway_id_ck CHECK (status NOT IN ('SENT', 'PROCESSED')
        OR gateway_refund_id IS NOT NULL)
);

CREATE INDEX refunds_payment_ix ON refunds (payment_id, created_at);
CREATE INDEX refunds_unfinished_ix ON refunds (updated_at)
    WHERE status IN ('REQUESTED', 'DEBITED', 'SENT', 'REVERSING');
