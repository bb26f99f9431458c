-- Whom to tell: the tenants of the premises, as payment-service publishes their moves
-- (payments.tenants.v1), with their own channel choice. A premise has at most one current
-- tenant; a moved-out tenant's row stays (their past notices name them).
CREATE TABLE recipients (
    tenant_id     uuid        NOT NULL,
    premise_id    varchar     NOT NULL,
    name          varchar     NOT NULL,
    phone         varchar,
    email         varchar,
    language      varchar     NOT NULL,
    -- Comma-separated channels the tenant wants (email, sms, whatsapp); null = the
    -- default: email when there is an address, sms when there is a phone.
    channels      varchar,
    moved_in_at   timestamptz NOT NULL,
    moved_out_at  timestamptz,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT recipients_pk PRIMARY KEY (tenant_id),
    CONSTRAINT recipients_language_ck CHECK (language IN ('en', 'hi'))
);

CREATE UNIQUE INDEX recipients_current_uk ON recipients (premise_id) WHERE moved_out_at IS NULL;

-- One notice per event, recipient and channel: the UNIQUE constraint makes a redelivered
-- event (or an alert Alertmanager repeats) a no-op in the transaction that records it.
CREATE TABLE notices (
    notice_id           uuid        NOT NULL,
    event_id            uuid        NOT NULL,
    event_type          varchar     NOT NULL,
    kind                varchar     NOT NULL,
    urgency             varchar     NOT NULL,
    premise_id          varchar,
    recipient           varchar     NOT NULL,
    channel             varchar     NOT NULL,
    address             varchar     NOT NULL,
    language            varchar     NOT NULL,
    subject             varchar     NOT NULL,
    body                text        NOT NULL,
    status              varchar     NOT NULL,
    attempts            integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    -- Quiet hours: a non-urgent notice is not sent before this.
    held_until          timestamptz,
    -- When it may be tried next (a claim by a sender pushes it by the lease).
    next_attempt_at     timestamptz NOT NULL,
    sent_at             timestamptz,
    delivered_at        timestamptz,
    provider_message_id varchar,
    last_error          varchar,
    CONSTRAINT notices_pk PRIMARY KEY (notice_id),
    CONSTRAINT notices_once_uk UNIQUE (event_id, recipient, channel),
    CONSTRAINT notices_status_ck CHECK (status IN ('PENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'DEAD')),
    CONSTRAINT notices_channel_ck CHECK (channel IN ('email', 'sms', 'whatsapp', 'webhook')),
    CONSTRAINT notices_urgency_ck CHECK (urgency IN ('urgent', 'normal')),
    CONSTRAINT notices_attempts_ck CHECK (attempts >= 0)
);

CREATE INDEX notices_due_ix ON notices (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notices_premise_ix ON notices (premise_id, created_at);
CREATE INDEX notices_provider_ix ON notices (provider_message_id);

-- The delivery log: every attempt and its outcome.
CREATE TABLE delivery_attempts (
    attempt_id   bigint GENERATED ALWAYS AS IDENTITY,
    notice_id    uuid        NOT NULL,
    attempt      integer     NOT NULL,
    at           timestamptz NOT NULL,
    outcome      varchar     NOT NULL,
    detail       varchar,
    CONSTRAINT delivery_attempts_pk PRIMARY KEY (attempt_id),
    CONSTRAINT delivery_attempts_notice_fk FOREIGN KEY (notice_id) REFERENCES notices (notice_id),
    CONSTRAINT delivery_attempts_outcome_ck CHECK (outcome IN ('sent', 'retry', 'dead-letter', 'delivered',
        'undelivered', 'requeued'))
);

CREATE INDEX delivery_attempts_notice_ix ON delivery_attempts (notice_id, attempt_id);
