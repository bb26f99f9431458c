-- The last good reading of each premise's meter: the baseline the next reading is measured from,
-- and the tariff that was in force at that reading (the next interval is priced at it).
CREATE TABLE meter_state (
    premise_id               varchar        NOT NULL,
    device_id                varchar        NOT NULL,
    epoch                    integer     NOT NULL,
    baseline_energy_kwh      numeric(18, 6)     NOT NULL,
    baseline_observed_at     timestamptz NOT NULL,
    active_tariff            varchar        NOT NULL,
    eb_paise_per_kwh         bigint,
    dg_paise_per_kwh         bigint,
    fixed_charged_through    date,
    updated_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT meter_state_pk PRIMARY KEY (premise_id),
    CONSTRAINT meter_state_epoch_ck CHECK (epoch > 0),
    CONSTRAINT meter_state_baseline_ck CHECK (baseline_energy_kwh >= 0),
    CONSTRAINT meter_state_active_tariff_ck CHECK (active_tariff IN ('EB', 'DG'))
);

-- Tariffs versioned by effective time. The scope is a premise id, a premise-id prefix ending in
-- '*' (e.g. 'Building-A.*') or '*' for the whole property; the most specific scope wins.
CREATE TABLE tariff_version (
    version_id        bigint GENERATED ALWAYS AS IDENTITY,
    scope             varchar        NOT NULL,
    effective_from    timestamptz NOT NULL,
    eb_paise_per_kwh  bigint      NOT NULL,
    dg_paise_per_kwh  bigint      NOT NULL,
    fixed_daily_paise bigint      NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tariff_version_pk PRIMARY KEY (version_id),
    CONSTRAINT tariff_version_scope_from_uk UNIQUE (scope, effective_from),
    CONSTRAINT tariff_version_rates_ck CHECK (eb_paise_per_kwh >= 0 AND dg_paise_per_kwh >= 0
        AND fixed_daily_paise >= 0)
);

-- The running totals of one tariff segment (premise, supply, rate, tariff version; 0 = the rates
-- the meter reported). The charge is always floor(energy x rate), never a sum of rounded parts:
-- the CHECK below is the database's copy of the domain's sub-paisa carry rule.
CREATE TABLE tariff_segment (
    premise_id         varchar   NOT NULL,
    tariff_kind        varchar   NOT NULL,
    rate_paise_per_kwh bigint NOT NULL,
    tariff_version_id  bigint NOT NULL,
    energy_mwh         bigint NOT NULL,
    charged_paise      bigint NOT NULL,
    CONSTRAINT tariff_segment_pk PRIMARY KEY (premise_id, tariff_kind, rate_paise_per_kwh, tariff_version_id),
    CONSTRAINT tariff_segment_kind_ck CHECK (tariff_kind IN ('EB', 'DG')),
    CONSTRAINT tariff_segment_energy_ck CHECK (energy_mwh >= 0 AND rate_paise_per_kwh >= 0)
);

-- [jooq ignore start]
ALTER TABLE tariff_segment ADD CONSTRAINT tariff_segment_exact_charge_ck
    CHECK (charged_paise = floor(energy_mwh::numeric * rate_paise_per_kwh / 1000000));
-- [jooq ignore stop]

-- One row per billed interval: the evidence behind each energy debit and the source of the daily
-- usage report. The snapshot's event id is its key, a second guard against billing it twice.
CREATE TABLE consumption (
    snapshot_event_id  uuid        NOT NULL,
    premise_id         varchar        NOT NULL,
    device_id          varchar        NOT NULL,
    epoch              integer     NOT NULL,
    tariff_kind        varchar        NOT NULL,
    rate_paise_per_kwh bigint      NOT NULL,
    tariff_version_id  bigint      NOT NULL,
    pricing_source     varchar        NOT NULL,
    energy_mwh         bigint      NOT NULL,
    amount_paise       bigint      NOT NULL,
    interval_start     timestamptz NOT NULL,
    interval_end       timestamptz NOT NULL,
    usage_date         date        NOT NULL,
    CONSTRAINT consumption_pk PRIMARY KEY (snapshot_event_id),
    CONSTRAINT consumption_kind_ck CHECK (tariff_kind IN ('EB', 'DG')),
    CONSTRAINT consumption_source_ck CHECK (pricing_source IN ('CONFIGURED', 'METER')),
    CONSTRAINT consumption_amounts_ck CHECK (energy_mwh >= 0 AND amount_paise >= 0)
);

CREATE INDEX consumption_premise_date_ix ON consumption (premise_id, usage_date);

-- Readings that were not billed because they cannot be explained (a register drop or an
-- implausible jump). They never move the baseline; an operator reviews them.
CREATE TABLE quarantined_reading (
    quarantine_id        bigint GENERATED ALWAYS AS IDENTITY,
    snapshot_event_id    uuid        NOT NULL,
    premise_id           varchar        NOT NULL,
    device_id            varchar        NOT NULL,
    epoch                integer     NOT NULL,
    energy_kwh           numeric(18, 6)     NOT NULL,
    baseline_energy_kwh  numeric(18, 6)     NOT NULL,
    baseline_observed_at timestamptz NOT NULL,
    observed_at          timestamptz NOT NULL,
    reason               varchar        NOT NULL,
    detail               varchar        NOT NULL,
    status               varchar        NOT NULL,
    detected_at          timestamptz NOT NULL,
    CONSTRAINT quarantined_reading_pk PRIMARY KEY (quarantine_id),
    CONSTRAINT quarantined_reading_snapshot_uk UNIQUE (snapshot_event_id),
    CONSTRAINT quarantined_reading_status_ck CHECK (status IN ('OPEN', 'RESOLVED'))
);

-- The transactional outbox: every event this service emits is written here in the transaction of
-- its effect, and a relay publishes the rows in id order and marks them published.
CREATE TABLE outbox (
    outbox_id     bigint GENERATED ALWAYS AS IDENTITY,
    event_id      uuid        NOT NULL,
    event_type    varchar        NOT NULL,
    event_version integer     NOT NULL,
    topic         varchar        NOT NULL,
    message_key   varchar        NOT NULL,
    payload       bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    CONSTRAINT outbox_pk PRIMARY KEY (outbox_id),
    CONSTRAINT outbox_event_uk UNIQUE (event_id)
);

-- [jooq ignore start]
CREATE INDEX outbox_pending_ix ON outbox (outbox_id) WHERE published_at IS NULL;
-- [jooq ignore stop]
