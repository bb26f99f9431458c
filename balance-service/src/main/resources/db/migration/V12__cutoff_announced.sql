-- The time a cut-off deferred by a friendly window was last announced for (CutoffScheduled) in the
-- premise's current cut-off episode: the decision is taken again on every snapshot, and the tenant
-- hears of each episode's time once. Cleared when a new episode starts.
ALTER TABLE policy_state ADD COLUMN cutoff_announced_for timestamptz;
