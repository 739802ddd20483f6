-- Knowledge base feedback ("Hjalp svaret?") and questions the knowledge base could not answer.
CREATE TABLE IF NOT EXISTS kb_feedback (
  id          bigserial PRIMARY KEY,
  question    text        NOT NULL,
  article_id  text        NOT NULL,
  helpful     boolean     NOT NULL,
  locale      text        NOT NULL CHECK (locale IN ('da', 'en')),
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS kb_feedback_article_at_idx ON kb_feedback (article_id, at);

CREATE TABLE IF NOT EXISTS kb_unanswered (
  id            bigserial PRIMARY KEY,
  question      text        NOT NULL,
  -- questionKey(question): lower-cased, punctuation and spacing folded, for grouping.
  question_key  text        NOT NULL,
  locale        text        NOT NULL CHECK (locale IN ('da', 'en')),
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS kb_unanswered_key_at_idx ON kb_unanswered (question_key, at);
