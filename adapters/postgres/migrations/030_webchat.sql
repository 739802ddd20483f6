-- Web chat (Direct Line) conversations and their activities, user and bot, in order.
-- last_seq is the per-conversation sequence: a new activity takes last_seq + 1 under the
-- conversation's row lock, so activities commit in sequence order and a watermark (the last seq a
-- client has seen) never skips one.
CREATE TABLE webchat_conversations (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  user_name text NOT NULL,
  locale text,
  last_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set when the client starts the conversation (POST /v3/directline/conversations).
  started_at timestamptz
);
CREATE INDEX webchat_conversations_user_idx ON webchat_conversations (user_id, created_at DESC);

CREATE TABLE webchat_activities (
  conversation_id text NOT NULL REFERENCES webchat_conversations (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  -- The Direct Line activity id ("<conversation id>|<seq>"); an updated activity is appended again
  -- with the same activity_id, so clients replace it.
  activity_id text NOT NULL,
  activity jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conversation_id, seq)
);
CREATE INDEX webchat_activities_activity_idx ON webchat_activities (conversation_id, activity_id);

-- Small key/value settings of the web chat (the demo-mode signing key).
CREATE TABLE webchat_settings (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
