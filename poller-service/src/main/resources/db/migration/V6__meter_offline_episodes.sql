-- A premise's meter offline episode: it starts at the first live poll that finds the meter
-- offline (after it was online, or never seen online) and ends at the next live poll that finds
-- it online; gap-fill history neither starts nor ends one. MeterOffline is published once per
-- episode, in the transaction that sets offline_noticed, once the episode is older than
-- qp.poller.offline-notice-after. A new device under the premise starts afresh.
ALTER TABLE premises ADD COLUMN offline_since timestamptz;
ALTER TABLE premises ADD COLUMN offline_noticed boolean NOT NULL DEFAULT false;
ALTER TABLE premises ADD CONSTRAINT premises_noticed_only_when_offline
    CHECK (offline_since IS NOT NULL OR NOT offline_noticed);
