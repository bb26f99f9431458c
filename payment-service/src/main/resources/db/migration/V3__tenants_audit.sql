-- The tenants of the premises: who may sign in to the portal for which premise. A premise has
-- at most one current tenant (moved_out_at null); a moved-out tenant's row stays for the record.
CREATE TABLE tenants (
    tenant_id     uuid        NOT NULL,
    premise_id    varchar     NOT NULL,
    name          varchar     NOT NULL,
    phone         varchar,
    email         varchar,
    language      varchar     NOT NULL,
    moved_in_at   timestamptz NOT NULL,
    moved_out_at  timestamptz,
    CONSTRAINT tenants_pk PRIMARY KEY (tenant_id),
    CONSTRAINT tenants_language_ck CHECK (language IN ('en', 'hi'))
);

-- [jooq ignore start]
CREATE UNIQUE INDEX tenants_current_uk ON tenants (premise_id) WHERE moved_out_at IS NULL;
-- [jooq ignore stop]

-- Every operator action and every tenant action on money: who, when, what, on what, why.
CREATE TABLE audit_log (
    audit_id      bigint GENERATED ALWAYS AS IDENTITY,
    at            timestamptz NOT NULL,
    actor         varchar     NOT NULL,
    actor_kind    varchar     NOT NULL,
    action        varchar     NOT NULL,
    target        varchar     NOT NULL,
    reason        varchar,
    detail        varchar,
    CONSTRAINT audit_log_pk PRIMARY KEY (audit_id),
    CONSTRAINT audit_log_actor_kind_ck CHECK (actor_kind IN ('OPERATOR', 'TENANT', 'SYSTEM'))
);

-- A captured payment's credit as the ledger confirmed it (BalanceCredited, consumed).
ALTER TABLE captured_payments ADD COLUMN credited_at timestamptz;
ALTER TABLE captured_payments ADD COLUMN balance_after_paise bigint;

-- A tenant's return from the checkout also settles (the order's payments fetched at once).
ALTER TABLE captured_payments DROP CONSTRAINT captured_payments_settled_by_ck;
ALTER TABLE captured_payments ADD CONSTRAINT captured_payments_settled_by_ck
    CHECK (settled_by IN ('WEBHOOK', 'RECONCILIATION', 'CHECKOUT_RETURN'));
