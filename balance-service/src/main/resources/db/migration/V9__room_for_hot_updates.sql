-- The per-premise state rows are updated by nearly every snapshot: the running wallet balance,
-- the meter's baseline, the policy state and the tariff segment totals. An UPDATE stays a HOT
-- update (a new row version in the same page, no new index entries) only while the page has room,
-- and on full pages, with several batch transactions open at once so that the dead versions cannot
-- be pruned yet, PostgreSQL moved rows to other pages and added index entries instead: measured on
-- a fresh database, fewer than half the updates were HOT until autovacuum's first visit, and
-- PostgreSQL's time per snapshot tripled over the first minute as the indexes bloated. Half-empty
-- pages keep the updates in place. The tables hold one row per premise (per supply and rate for the
-- segments), so doubling their size costs nothing that matters. Pages written before this setting
-- keep their packing until the table is rewritten (VACUUM FULL); new pages follow it.
-- [jooq ignore start]
ALTER TABLE wallet_balance SET (fillfactor = 50);
ALTER TABLE meter_state SET (fillfactor = 50);
ALTER TABLE policy_state SET (fillfactor = 50);
ALTER TABLE tariff_segment SET (fillfactor = 50);
-- [jooq ignore stop]
