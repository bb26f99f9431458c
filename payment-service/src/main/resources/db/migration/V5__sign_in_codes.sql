-- One-time codes to sign in to the tenant portal, sent to the tenant by notifier-service. Only
-- an HMAC of the code is kept; a code works once, until it expires, and a few wrong guesses end it.
CREATE TABLE sign_in_codes (
    code_id     uuid        NOT NULL,
    tenant_id   uuid        NOT NULL,
    code_hash   varchar     NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    used_at     timestamptz,
    CONSTRAINT sign_in_codes_pk PRIMARY KEY (code_id),
    CONSTRAINT sign_in_codes_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id),
    CONSTRAINT sign_in_codes_attempts_ck CHECK (attempts >= 0 AND attempts <= 5),
    CONSTRAINT sign_in_codes_expiry_ck CHECK (expires_at > created_at)
);

CREATE INDEX sign_in_codes_tenant_ix ON sign_in_codes (tenant_id, created_at);
