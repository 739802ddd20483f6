-- Short leases that serialise work across processes (the turns of one conversation) without
-- holding a database connection for the duration: a holder renews its lease while it works, and
-- the lease of a process that died simply runs out.
CREATE TABLE lock_lease (
  key text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);
