-- The device registry: one row per premise, keyed by its stable identity (a UDF value), with the
-- device installed now and the current meter epoch.
CREATE TABLE premises (
    premise_id          text        NOT NULL,
    api_key_name        text        NOT NULL,
    device_id           text        NOT NULL,
    epoch               integer     NOT NULL,
    last_energy_kwh     numeric(20, 6),
    last_balance_paise  bigint,
    last_online         boolean,
    last_observed_at    timestamptz,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT premises_pk PRIMARY KEY (premise_id),
    CONSTRAINT premises_epoch_positive CHECK (epoch >= 1),
    CONSTRAINT premises_energy_not_negative CHECK (last_energy_kwh IS NULL OR last_energy_kwh >= 0)
);

-- The history of meter epochs: which device carried the identity from when, and why the epoch began.
CREATE TABLE meter_epochs (
    premise_id  text        NOT NULL,
    epoch       integer     NOT NULL,
    device_id   text        NOT NULL,
    reason      text        NOT NULL,
    started_at  timestamptz NOT NULL,
    CONSTRAINT meter_epochs_pk PRIMARY KEY (premise_id, epoch),
    CONSTRAINT meter_epochs_premise_fk FOREIGN KEY (premise_id) REFERENCES premises (premise_id),
    CONSTRAINT meter_epochs_reason_known CHECK (reason IN ('DISCOVERED', 'REPLACEMENT', 'REGISTER_DROP'))
);

-- Devices without an identity in the configured UDF: flagged for operators, never polled.
CREATE TABLE unidentified_devices (
    device_id      text        NOT NULL,
    api_key_name   text        NOT NULL,
    space_id       bigint      NOT NULL,
    name           text,
    first_seen_at  timestamptz NOT NULL,
    CONSTRAINT unidentified_devices_pk PRIMARY KEY (device_id)
);

-- Device commands received from Kafka. The primary key on command_id is what makes a redelivered
-- command a no-op; a command leaves PENDING exactly once.
CREATE TABLE device_commands (
    command_id       uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    premise_id       text        NOT NULL,
    command          text        NOT NULL,
    balance_paise    bigint,
    reason           text        NOT NULL,
    requested_by     text        NOT NULL,
    requested_at     timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    device_id        text,
    last_error       text,
    finished_at      timestamptz,
    CONSTRAINT device_commands_pk PRIMARY KEY (command_id),
    CONSTRAINT device_commands_command_known CHECK (command IN ('RELAY_ON', 'RELAY_OFF', 'SET_BALANCE')),
    CONSTRAINT device_commands_status_known CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED')),
    CONSTRAINT device_commands_balance_only_for_set CHECK ((command = 'SET_BALANCE') = (balance_paise IS NOT NULL)),
    CONSTRAINT device_commands_finished_when_done CHECK ((status = 'PENDING') = (finished_at IS NULL))
);
CREATE INDEX device_commands_due ON device_commands (next_attempt_at) WHERE status = 'PENDING';

-- The transactional outbox: an event is written here in the same transaction as the state change
-- it reports, and a relay publishes it and stamps published_at.
CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    event_id      uuid        NOT NULL,
    topic         text        NOT NULL,
    record_key    text        NOT NULL,
    event_type    text        NOT NULL,
    event_version integer     NOT NULL,
    payload       bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz,
    CONSTRAINT outbox_pk PRIMARY KEY (id),
    CONSTRAINT outbox_event_unique UNIQUE (event_id)
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
