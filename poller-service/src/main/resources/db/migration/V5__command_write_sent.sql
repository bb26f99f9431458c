-- A balance set's write may land at Qube although its outcome was never recorded (the poller
-- stopped between sending it and recording it, or the answer was lost). The time the first write
-- was sent is recorded before it is sent, so a retry knows that the meter may already show the
-- set's balance, and does not mistake it for credit from elsewhere.
ALTER TABLE device_commands ADD COLUMN write_sent_at timestamptz;
