-- Notifications: where each user last talked to the assistant (per channel), and the delivery
-- bookkeeping of proactive messages, shared by every process.

-- The conversation reference of each user's latest conversation per channel, with their language.
CREATE TABLE notification_reference (
  user_id uuid NOT NULL REFERENCES portal_user (id) ON DELETE CASCADE,
  channel_id text NOT NULL,
  reference jsonb NOT NULL,
  locale text NOT NULL CHECK (locale IN ('da', 'en')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, channel_id)
);
CREATE INDEX notification_reference_latest_idx ON notification_reference (user_id, updated_at DESC);

-- One row per (outbox event, user). Inserted if absent, so a redelivered event adds nothing;
-- claimed with FOR UPDATE SKIP LOCKED and a lease, so one process sends it; 'sent' is final.
CREATE TABLE notification_delivery (
  event_id text NOT NULL,
  user_id uuid NOT NULL,
  event jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  channel_id text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (event_id, user_id)
);
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_delivery_sending_idx ON notification_delivery (locked_until) WHERE status = 'sending';
