-- Issue 8: a new building keeps its tenants' credit, a paid tenant always gets power back, no
-- command is lost (ADR 0009).

-- Two accounts of their own: the opening balances adopted from meters at onboarding, and the credit
-- that reached meters from outside the ledger (Qube's own gateway).
ALTER TABLE account DROP CONSTRAINT account_kind_ck;
ALTER TABLE account ADD CONSTRAINT account_kind_ck CHECK (kind IN ('WALLET', 'REVENUE_EB', 'REVENUE_DG',
    'REVENUE_FIXED', 'PAYMENTS_CLEARING', 'ADJUSTMENTS', 'OPENING_BALANCES', 'METER_CREDITS'));
INSERT INTO account (account_id, kind) VALUES
    ('opening:balances', 'OPENING_BALANCES'),
    ('clearing:meter-credits', 'METER_CREDITS');

ALTER TABLE ledger_transaction DROP CONSTRAINT ledger_transaction_kind_ck;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_kind_ck CHECK (kind IN ('ENERGY', 'FIXED_CHARGE',
    'TOP_UP', 'ADJUSTMENT', 'OPENING_BALANCE', 'METER_CREDIT'));

-- The audit of each premise's first reading: what its meter held and what the wallet opened with
-- (ADOPT: the meter's balance, posted as 'opening:<premise>'; ZERO: nothing). One per premise.
CREATE TABLE premise_onboarding (
    premise_id            varchar     NOT NULL,
    snapshot_event_id     uuid        NOT NULL,
    device_id             varchar     NOT NULL,
    meter_balance_paise   bigint,
    opening_balance_paise bigint      NOT NULL,
    rule                  varchar     NOT NULL,
    observed_at           timestamptz NOT NULL,
    onboarded_at          timestamptz NOT NULL,
    CONSTRAINT premise_onboarding_pk PRIMARY KEY (premise_id),
    CONSTRAINT premise_onboarding_rule_ck CHECK (rule IN ('ADOPT', 'ZERO')),
    CONSTRAINT premise_onboarding_amount_ck CHECK (opening_balance_paise >= 0
        AND (rule = 'ADOPT' OR opening_balance_paise = 0))
);

-- The onboarding rule is policy, by scope like the rest of it.
ALTER TABLE premise_policy ADD COLUMN onboarding varchar NOT NULL DEFAULT 'ADOPT';
ALTER TABLE premise_policy ADD CONSTRAINT premise_policy_onboarding_ck CHECK (onboarding IN ('ADOPT', 'ZERO'));

-- The newest unresolved quarantined reading of a premise: later readings that continue from it
-- are held with it, however long after, instead of being billed whole from the old baseline.
ALTER TABLE meter_state ADD COLUMN suspect_snapshot_id uuid;
ALTER TABLE meter_state ADD COLUMN suspect_device_id varchar;
ALTER TABLE meter_state ADD COLUMN suspect_energy_kwh numeric(18, 6);
ALTER TABLE meter_state ADD COLUMN suspect_observed_at timestamptz;
ALTER TABLE meter_state ADD CONSTRAINT meter_state_suspect_ck CHECK ((suspect_snapshot_id IS NULL)
    = (suspect_device_id IS NULL) AND (suspect_snapshot_id IS NULL) = (suspect_energy_kwh IS NULL)
    AND (suspect_snapshot_id IS NULL) = (suspect_observed_at IS NULL));

ALTER TABLE quarantined_reading ADD COLUMN held_readings integer NOT NULL DEFAULT 0;
ALTER TABLE quarantined_reading ADD COLUMN last_held_energy_kwh numeric(18, 6);
ALTER TABLE quarantined_reading ADD COLUMN last_held_observed_at timestamptz;

-- The policy's view of the meter (mode, relay), the last relay command and the last balance set
-- with their outcomes, the owed supply, the premise's command sequence and the meter balance the
-- next reading is compared with to find credit from outside the ledger.
ALTER TABLE policy_state ADD COLUMN meter_mode varchar;
ALTER TABLE policy_state ADD COLUMN has_relay boolean;
ALTER TABLE policy_state ADD COLUMN command_requested_at timestamptz;
ALTER TABLE policy_state ADD COLUMN command_settled_at timestamptz;
ALTER TABLE policy_state ADD COLUMN command_failure varchar;
ALTER TABLE policy_state ADD COLUMN balance_command_id uuid;
ALTER TABLE policy_state ADD COLUMN balance_command_paise bigint;
ALTER TABLE policy_state ADD COLUMN balance_command_status varchar;
ALTER TABLE policy_state ADD COLUMN balance_command_requested_at timestamptz;
ALTER TABLE policy_state ADD COLUMN balance_command_settled_at timestamptz;
ALTER TABLE policy_state ADD COLUMN balance_command_failure varchar;
ALTER TABLE policy_state ADD COLUMN supply_owed_since timestamptz;
ALTER TABLE policy_state ADD COLUMN restore_requests integer NOT NULL DEFAULT 0;
ALTER TABLE policy_state ADD COLUMN overdue_reported boolean NOT NULL DEFAULT false;
ALTER TABLE policy_state ADD COLUMN command_sequence bigint NOT NULL DEFAULT 0;
ALTER TABLE policy_state ADD COLUMN meter_ref_paise bigint;
ALTER TABLE policy_state ADD COLUMN meter_ref_at timestamptz;
ALTER TABLE policy_state ADD COLUMN meter_ref_read_back boolean;
ALTER TABLE policy_state ADD COLUMN meter_ref_deducted_paise bigint;
-- [jooq ignore start]
UPDATE policy_state SET command_requested_at = updated_at WHERE command_id IS NOT NULL;
-- [jooq ignore stop]
ALTER TABLE policy_state ADD CONSTRAINT policy_state_relay_command_ck CHECK ((command_id IS NULL)
    = (command_requested_at IS NULL));
ALTER TABLE policy_state ADD CONSTRAINT policy_state_balance_command_ck CHECK ((balance_command_id IS NULL)
    = (balance_command_status IS NULL) AND (balance_command_id IS NULL) = (balance_command_paise IS NULL)
    AND (balance_command_id IS NULL) = (balance_command_requested_at IS NULL)
    AND (balance_command_status IS NULL OR balance_command_status IN ('REQUESTED', 'COMPLETED', 'FAILED')));
ALTER TABLE policy_state ADD CONSTRAINT policy_state_restore_ck CHECK (restore_requests >= 0
    AND command_sequence >= 0);
ALTER TABLE policy_state ADD CONSTRAINT policy_state_meter_ref_ck CHECK ((meter_ref_paise IS NULL)
    = (meter_ref_at IS NULL) AND (meter_ref_paise IS NULL) = (meter_ref_deducted_paise IS NULL)
    AND (meter_ref_deducted_paise IS NULL OR meter_ref_deducted_paise >= 0));

-- Every device command this service requested, with its outcome: the audit an operator reads, and
-- what the policy job re-asks when no outcome came in time. The sequence orders a premise's
-- commands (the poller applies them in this order; a newer one of a kind supersedes an older one).
CREATE TABLE policy_command (
    command_id                   uuid        NOT NULL,
    premise_id                   varchar     NOT NULL,
    command                      varchar     NOT NULL,
    balance_paise                bigint,
    expected_meter_balance_paise bigint,
    reason                       varchar     NOT NULL,
    requested_by                 varchar     NOT NULL,
    sequence                     bigint      NOT NULL,
    requested_at                 timestamptz NOT NULL,
    expires_at                   timestamptz NOT NULL,
    status                       varchar     NOT NULL,
    asks                         integer     NOT NULL,
    last_asked_at                timestamptz NOT NULL,
    settled_at                   timestamptz,
    failure_code                 varchar,
    CONSTRAINT policy_command_pk PRIMARY KEY (command_id),
    CONSTRAINT policy_command_sequence_uk UNIQUE (premise_id, sequence),
    CONSTRAINT policy_command_kind_ck CHECK (command IN ('RELAY_ON', 'RELAY_OFF', 'SET_BALANCE')),
    CONSTRAINT policy_command_status_ck CHECK (status IN ('REQUESTED', 'COMPLETED', 'FAILED')),
    CONSTRAINT policy_command_balance_ck CHECK ((command = 'SET_BALANCE') = (balance_paise IS NOT NULL)
        AND (balance_paise IS NULL OR balance_paise >= 0)),
    CONSTRAINT policy_command_settled_ck CHECK ((status = 'REQUESTED') = (settled_at IS NULL)),
    CONSTRAINT policy_command_asks_ck CHECK (asks >= 1)
);

-- [jooq ignore start]
CREATE INDEX policy_command_waiting_ix ON policy_command (last_asked_at) WHERE status = 'REQUESTED';
CREATE INDEX policy_state_owed_ix ON policy_state (supply_owed_since) WHERE supply_owed_since IS NOT NULL;
-- [jooq ignore stop]

-- The relay commands requested before this version, so that their outcomes still find them.
-- [jooq ignore start]
INSERT INTO policy_command (command_id, premise_id, command, reason, requested_by, sequence, requested_at,
        expires_at, status, asks, last_asked_at, settled_at)
SELECT command_id, premise_id, CASE WHEN command_relay_on THEN 'RELAY_ON' ELSE 'RELAY_OFF' END, 'before-v10',
       'balance-service', 0, updated_at, updated_at + interval '1 hour', command_status, 1, updated_at,
       CASE WHEN command_status = 'REQUESTED' THEN NULL ELSE updated_at END
  FROM policy_state WHERE command_id IS NOT NULL;
-- [jooq ignore stop]
