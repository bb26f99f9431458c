-- A top-up is one order with the gateway for one premise. Its status only moves forward
-- (TopUpStatus): NEW (row written, order not yet created) -> OPEN (order created, tenant sent to
-- the checkout) -> FAILED (the last attempt failed; the order can still be paid) -> CAPTURED,
-- or -> EXPIRED / ORDER_FAILED when nothing was ever captured.
CREATE TABLE top_ups (
    top_up_id     uuid        NOT NULL,
    premise_id    varchar     NOT NULL,
    amount_paise  bigint      NOT NULL,
    receipt       varchar     NOT NULL,
    order_id      varchar,
    status        varchar     NOT NULL,
    last_error    varchar,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    captured_at   timestamptz,
    CONSTRAINT top_ups_pk PRIMARY KEY (top_up_id),
    CONSTRAINT top_ups_receipt_uk UNIQUE (receipt),
    CONSTRAINT top_ups_order_uk UNIQUE (order_id),
    CONSTRAINT top_ups_amount_ck CHECK (amount_paise > 0),
    CONSTRAINT top_ups_status_ck CHECK (status IN ('NEW', 'OPEN', 'FAILED', 'CAPTURED', 'EXPIRED', 'ORDER_FAILED'))
);

-- [jooq ignore start]
CREATE INDEX top_ups_unsettled_ix ON top_ups (created_at) WHERE status IN ('NEW', 'OPEN', 'FAILED');
CREATE INDEX top_ups_premise_ix ON top_ups (premise_id, created_at);
-- [jooq ignore stop]

-- Every captured payment, once: the primary key on the gateway's payment id is what makes a
-- second delivery (another event id, a redelivery, reconciliation) credit nothing more. The
-- TopUpCaptured event is appended to the outbox in the same transaction as this row.
CREATE TABLE captured_payments (
    payment_id    varchar     NOT NULL,
    top_up_id     uuid        NOT NULL,
    premise_id    varchar     NOT NULL,
    amount_paise  bigint      NOT NULL,
    method        varchar,
    captured_at   timestamptz NOT NULL,
    settled_by    varchar     NOT NULL,
    credit_event  uuid        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    CONSTRAINT captured_payments_pk PRIMARY KEY (payment_id),
    CONSTRAINT captured_payments_top_up_fk FOREIGN KEY (top_up_id) REFERENCES top_ups (top_up_id),
    CONSTRAINT captured_payments_event_uk UNIQUE (credit_event),
    CONSTRAINT captured_payments_amount_ck CHECK (amount_paise > 0),
    CONSTRAINT captured_payments_settled_by_ck CHECK (settled_by IN ('WEBHOOK', 'RECONCILIATION'))
);

-- Every webhook event accepted (signature valid, body well-formed), once: the primary key on
-- the gateway's event id makes a redelivery change nothing. The outcome says what it did.
CREATE TABLE webhook_events (
    event_id      varchar     NOT NULL,
    event_type    varchar     NOT NULL,
    order_id      varchar,
    payment_id    varchar,
    outcome       varchar     NOT NULL,
    received_at   timestamptz NOT NULL,
    CONSTRAINT webhook_events_pk PRIMARY KEY (event_id)
);

-- The transactional outbox of the platform (service-support's Outbox).
CREATE TABLE outbox (
    outbox_id     bigint GENERATED ALWAYS AS IDENTITY,
    event_id      uuid        NOT NULL,
    event_type    varchar     NOT NULL,
    event_version integer     NOT NULL,
    topic         varchar     NOT NULL,
    message_key   varchar     NOT NULL,
    payload       bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    CONSTRAINT outbox_pk PRIMARY KEY (outbox_id),
    CONSTRAINT outbox_event_uk UNIQUE (event_id)
);

-- [jooq ignore start]
CREATE INDEX outbox_pending_ix ON outbox (outbox_id) WHERE published_at IS NULL;
-- [jooq ignore stop]
