-- One-time codes that prove a typed e-mail address at registration (issue 14). One row per
-- channel user (`<channel id>:<from.id>`): a new code replaces the last. The code itself is never
-- stored, only a salted SHA-256 of it. A row is deleted when its code is used; the retention job
-- deletes rows whose code has expired and whose send window (1 hour) has passed; gdpr:export and
-- gdpr:erase find rows by the address.
CREATE TABLE address_verification (
  subject text PRIMARY KEY,
  email text NOT NULL,
  code_hash text NOT NULL,
  salt text NOT NULL,
  reference text NOT NULL,
  tries integer NOT NULL DEFAULT 0 CHECK (tries >= 0),
  sends integer NOT NULL DEFAULT 1 CHECK (sends >= 1),
  window_started_at timestamptz NOT NULL,
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX address_verification_email_idx ON address_verification (email, window_started_at);
CREATE INDEX address_verification_expires_idx ON address_verification (expires_at);
