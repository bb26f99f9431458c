-- Issue 8: commands are never stale and never out of order.
-- The requester's order of a premise's commands: the executor applies them in this order
-- (after requested_at), and a newer command of a kind (relay, or balance) supersedes an older
-- one still pending; an older one arriving after a newer one is superseded at once.
ALTER TABLE device_commands ADD COLUMN sequence bigint;
-- For SET_BALANCE: the most the meter may show when the set is applied. More means credit that
-- reached the meter from elsewhere, which an absolute set would erase: the set is refused.
ALTER TABLE device_commands ADD COLUMN expected_meter_balance_paise bigint;
ALTER TABLE device_commands ADD CONSTRAINT device_commands_expected_only_for_set
    CHECK (expected_meter_balance_paise IS NULL OR command = 'SET_BALANCE');
CREATE INDEX device_commands_premise_order ON device_commands (premise_id, requested_at, sequence);
