-- Personal data (issue 14): feedback and unanswered questions are kept with the user who gave
-- them, so a person's data can be exported and erased; and the indexes the retention job
-- (pg-retention.ts) ages rows by, so its batches never scan a whole table.

-- The portal user (no foreign key: a user is never deleted, and a question must be recordable
-- even if its user row were gone). NULL: asked before this migration, or by an unknown person.
ALTER TABLE kb_feedback ADD COLUMN user_id uuid;
ALTER TABLE kb_unanswered ADD COLUMN user_id uuid;
CREATE INDEX kb_feedback_user_idx ON kb_feedback (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX kb_unanswered_user_idx ON kb_unanswered (user_id) WHERE user_id IS NOT NULL;

-- Retention: unanswered questions are deleted, feedback is made anonymous (its question text and
-- user go, the verdict stays for the article statistics) — only rows still identifiable are indexed.
CREATE INDEX kb_unanswered_at_idx ON kb_unanswered (at);
CREATE INDEX kb_feedback_identifiable_at_idx ON kb_feedback (at) WHERE question <> '' OR user_id IS NOT NULL;

-- Transcripts age activity by activity; a conversation goes when it is old and has none left.
-- Both are append-only, so these indexes cost little per write. bot_state gets no index on
-- updated_at: every turn rewrites its rows, and an indexed updated_at would end the HOT updates
-- that keep those writes cheap; the hourly job scans it instead.
CREATE INDEX webchat_activities_created_idx ON webchat_activities (created_at);
CREATE INDEX webchat_conversations_created_idx ON webchat_conversations (created_at);
