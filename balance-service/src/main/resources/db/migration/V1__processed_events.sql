-- Consumer-side idempotency: a consumed event's id is recorded in the same transaction as its
-- effect, so a redelivered event finds its id here and changes nothing.
CREATE TABLE processed_events (
    event_id     uuid        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT processed_events_pk PRIMARY KEY (event_id)
);
