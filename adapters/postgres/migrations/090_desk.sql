-- The service desk's page (/desk, issue 15): cases the knowledge base solved at submit, and the
-- channel each case created in the chat came from (portal_case knows no channel).

-- "Det løste det": the user was offered an article before the case summary and needed no case.
-- Kept with the portal user (no foreign key, like kb_feedback) so it can be exported and erased.
CREATE TABLE case_deflection (
  id bigserial PRIMARY KEY,
  article_id text NOT NULL,
  area_id text,
  form_id text,
  channel_id text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('da', 'en')),
  user_id uuid,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_deflection_at_idx ON case_deflection (at);
CREATE INDEX case_deflection_user_idx ON case_deflection (user_id) WHERE user_id IS NOT NULL;

-- The channel a case was created from in the chat, and whether it was offered an article first.
CREATE TABLE case_channel (
  case_number text PRIMARY KEY REFERENCES portal_case (number) ON DELETE CASCADE,
  channel_id text NOT NULL,
  offered_article_id text,
  at timestamptz NOT NULL DEFAULT now()
);
