-- An operator's resolution of a quarantined reading, the audit of who decided what and when:
-- DISMISS (a glitch: nothing billed, the baseline untouched) or REBASELINE (a genuine reading:
-- the premise's baseline in meter_state became it, and the energy between the old baseline and
-- it was not billed). An OPEN row has none of these columns, a RESOLVED row has the resolution,
-- the operator and the time; the note is optional. The application resolves a row with
-- UPDATE ... WHERE status = 'OPEN', so a second resolution changes nothing.
ALTER TABLE quarantined_reading ADD COLUMN resolution varchar;
ALTER TABLE quarantined_reading ADD COLUMN resolved_by varchar;
ALTER TABLE quarantined_reading ADD COLUMN resolved_at timestamptz;
ALTER TABLE quarantined_reading ADD COLUMN note varchar;

ALTER TABLE quarantined_reading ADD CONSTRAINT quarantined_reading_resolution_ck CHECK (
    (status = 'OPEN' AND resolution IS NULL AND resolved_by IS NULL AND resolved_at IS NULL AND note IS NULL)
    OR (status = 'RESOLVED' AND resolution IN ('DISMISS', 'REBASELINE') AND resolved_by IS NOT NULL
        AND length(trim(resolved_by)) > 0 AND resolved_at IS NOT NULL));

ALTER TABLE quarantined_reading ADD CONSTRAINT quarantined_reading_note_ck CHECK (note IS NULL OR length(note) <= 500);
