-- Rate-limit counters shared by every process (rate-limiter-flexible's PostgreSQL layout: key,
-- points used in the window, the window's end in ms since the epoch). Keys are digests, never a
-- user id or address. UNLOGGED: a counter lost in a crash costs nothing, and skipping the WAL makes
-- the one upsert per request cheaper. Expired rows are deleted by the limiter every 5 minutes.
CREATE UNLOGGED TABLE rate_limit (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
