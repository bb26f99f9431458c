-- The outbox is published by service-support's shared relay, which reads the column names that
-- balance-service's outbox has had since its V3. Renaming keeps every row, the identity and the
-- partial index outbox_unpublished (an index follows its columns).
ALTER TABLE outbox RENAME COLUMN id TO outbox_id;
ALTER TABLE outbox RENAME COLUMN record_key TO message_key;
