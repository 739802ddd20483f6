-- Portal: institutions, users, shared mailboxes, community access, cases with their history,
-- and the outbox that carries domain events to any process.

CREATE TABLE portal_institution (
  id text PRIMARY KEY,
  name text NOT NULL,
  allow_subdomains boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per domain: a domain belongs to one institution.
CREATE TABLE portal_institution_domain (
  domain text PRIMARY KEY CHECK (domain = lower(domain)),
  institution_id text NOT NULL REFERENCES portal_institution (id) ON DELETE CASCADE,
  added_seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX portal_institution_domain_institution_idx ON portal_institution_domain (institution_id, added_seq);

CREATE TABLE portal_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  name text NOT NULL,
  primary_institution_id text NOT NULL REFERENCES portal_institution (id),
  kind text NOT NULL CHECK (kind IN ('employee', 'consultant', 'sharedMailbox')),
  roles text[] NOT NULL DEFAULT '{}',
  consent_accepted_version integer,
  created_at timestamptz NOT NULL
);

CREATE TABLE portal_user_identity (
  provider text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES portal_user (id) ON DELETE CASCADE,
  PRIMARY KEY (provider, subject)
);

CREATE TABLE portal_mailbox_member (
  mailbox_id uuid NOT NULL REFERENCES portal_user (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES portal_user (id) ON DELETE CASCADE,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL,
  PRIMARY KEY (mailbox_id, member_id)
);
CREATE INDEX portal_mailbox_member_member_idx ON portal_mailbox_member (member_id);

CREATE TABLE portal_community_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES portal_user (id) ON DELETE CASCADE,
  institution_id text NOT NULL REFERENCES portal_institution (id),
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_at timestamptz NOT NULL,
  case_number text,
  decided_by text,
  decided_at timestamptz,
  decision_note text,
  seq bigint GENERATED ALWAYS AS IDENTITY
);
-- At most one open request per user and institution.
CREATE UNIQUE INDEX portal_community_request_pending_idx ON portal_community_request (user_id, institution_id) WHERE status = 'pending';
CREATE INDEX portal_community_request_user_idx ON portal_community_request (user_id, seq);
CREATE INDEX portal_community_request_status_idx ON portal_community_request (status, seq);

-- Case numbers SA-<year>-<6 digits>: one sequence, never reset, so a number is unique forever.
CREATE SEQUENCE portal_case_seq MINVALUE 1 MAXVALUE 999999 NO CYCLE;

CREATE TABLE portal_case (
  -- Creation order: the key "newest first" and the paging cursor use.
  seq bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE CHECK (number ~ '^SA-[0-9]{4}-[0-9]{6}$'),
  idempotency_key text NOT NULL UNIQUE,
  area_id text NOT NULL,
  system_id text,
  form_id text NOT NULL,
  form_version integer NOT NULL,
  field_values jsonb NOT NULL,
  subject text NOT NULL,
  institution_id text NOT NULL REFERENCES portal_institution (id),
  requester_id uuid NOT NULL REFERENCES portal_user (id),
  sent_from_id uuid NOT NULL REFERENCES portal_user (id),
  status text NOT NULL CHECK (status IN ('modtaget', 'under_behandling', 'afventer_kunde', 'loest', 'lukket')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- "My cases": own cases newest first, and — only for cases sent from a shared mailbox, so the
-- index stays small — the mailbox's cases newest first.
CREATE INDEX portal_case_requester_idx ON portal_case (requester_id, seq DESC);
CREATE INDEX portal_case_mailbox_idx ON portal_case (sent_from_id, seq DESC) WHERE sent_from_id <> requester_id;
-- The service desk's lists.
CREATE INDEX portal_case_institution_idx ON portal_case (institution_id, seq DESC);
CREATE INDEX portal_case_status_idx ON portal_case (status, seq DESC);

CREATE TABLE portal_case_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_seq bigint NOT NULL REFERENCES portal_case (seq) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('created', 'status_changed', 'comment')),
  actor jsonb NOT NULL,
  at timestamptz NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX portal_case_event_case_idx ON portal_case_event (case_seq, id);

-- Domain events, written in the transaction of the change they describe. Consumers read in
-- (txid, id) order and only rows of transactions older than every running one, so a transaction
-- that commits late can never be skipped.
CREATE TABLE portal_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  txid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_outbox_order_idx ON portal_outbox (txid, id);

-- One row per consumer name: how far it has read, and which process holds the lease.
CREATE TABLE portal_outbox_consumer (
  consumer text PRIMARY KEY,
  last_txid bigint NOT NULL,
  last_id bigint NOT NULL,
  locked_by text,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
