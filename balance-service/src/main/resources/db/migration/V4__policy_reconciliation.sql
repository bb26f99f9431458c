-- Cut-off and notice policy as data. The scope is a premise id, a prefix ending in '*' or '*'
-- for the whole property, as for tariffs; the most specific scope wins. A premise without any
-- covering row runs the built-in default (PremisePolicy.standard()).
CREATE TABLE premise_policy (
    scope                  varchar     NOT NULL,
    enforcement            varchar     NOT NULL,
    ladder                 varchar     NOT NULL,
    night_start            time        NOT NULL,
    night_end              time        NOT NULL,
    friendly_weekdays      varchar     NOT NULL,
    emergency_credit_paise bigint      NOT NULL,
    emergency_credit_days  integer     NOT NULL,
    restore_minimum_paise  bigint      NOT NULL,
    updated_by             varchar     NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT premise_policy_pk PRIMARY KEY (scope),
    CONSTRAINT premise_policy_enforcement_ck CHECK (enforcement IN ('SYSTEM', 'METER')),
    CONSTRAINT premise_policy_emergency_ck CHECK (emergency_credit_paise >= 0 AND emergency_credit_days >= 0),
    CONSTRAINT premise_policy_restore_ck CHECK (restore_minimum_paise >= 1)
);

-- Friendly dates (IST calendar days). A premise observes the holidays of every scope covering it.
CREATE TABLE friendly_holiday (
    scope        varchar     NOT NULL,
    holiday_date date        NOT NULL,
    name         varchar     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT friendly_holiday_pk PRIMARY KEY (scope, holiday_date)
);

-- What the policy remembers about each premise: the newest meter observation (data time), the
-- base of percentage rungs, the cut-off episode and the relay command we asked for versus the
-- state the poller confirmed, and the reconciliation state. Written under the wallet lock.
CREATE TABLE policy_state (
    premise_id          varchar     NOT NULL,
    observed_at         timestamptz,
    online              boolean,
    relay_on            boolean,
    meter_balance_paise bigint,
    last_top_up_paise   bigint,
    phase               varchar     NOT NULL,
    episode             bigint      NOT NULL,
    attempt             integer     NOT NULL,
    negative_since      timestamptz,
    scheduled_cutoff_at timestamptz,
    operator_hold       boolean     NOT NULL,
    command_id          uuid,
    command_relay_on    boolean,
    command_status      varchar,
    confirmed_relay_on  boolean,
    last_sync_at        timestamptz,
    drift_open          boolean     NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT policy_state_pk PRIMARY KEY (premise_id),
    CONSTRAINT policy_state_phase_ck CHECK (phase IN ('CLEAR', 'OWED', 'CUT', 'WAIVED')),
    CONSTRAINT policy_state_counters_ck CHECK (episode >= 0 AND attempt >= 0),
    CONSTRAINT policy_state_command_ck CHECK ((command_id IS NULL) = (command_status IS NULL)
        AND (command_status IS NULL OR command_status IN ('REQUESTED', 'COMPLETED', 'FAILED')))
);

-- [jooq ignore start]
CREATE INDEX policy_state_due_ix ON policy_state (scheduled_cutoff_at) WHERE scheduled_cutoff_at IS NOT NULL;
-- [jooq ignore stop]

-- One row per low-balance rung crossed downwards and not yet re-armed: the primary key makes the
-- notice exactly-once (the row is deleted when the balance climbs back above the rung).
CREATE TABLE low_balance_notice (
    premise_id      varchar     NOT NULL,
    rung            varchar     NOT NULL,
    threshold_paise bigint      NOT NULL,
    balance_paise   bigint      NOT NULL,
    crossed_at      timestamptz NOT NULL,
    CONSTRAINT low_balance_notice_pk PRIMARY KEY (premise_id, rung)
);

-- The audit of operators' forced relay switches: who, when, why and the command sent.
CREATE TABLE relay_override (
    override_id  bigint GENERATED ALWAYS AS IDENTITY,
    premise_id   varchar     NOT NULL,
    relay_on     boolean     NOT NULL,
    operator     varchar     NOT NULL,
    reason       varchar     NOT NULL,
    command_id   uuid        NOT NULL,
    requested_at timestamptz NOT NULL,
    CONSTRAINT relay_override_pk PRIMARY KEY (override_id),
    CONSTRAINT relay_override_command_uk UNIQUE (command_id),
    CONSTRAINT relay_override_text_ck CHECK (length(operator) > 0 AND length(reason) > 0)
);

CREATE INDEX relay_override_premise_ix ON relay_override (premise_id, override_id);
