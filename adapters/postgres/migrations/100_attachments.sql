-- Files attached to cases (issue 16). A file is staged when it arrives (the web chat's upload, a
-- file sent in Teams), already checked by size and content, and linked to a case when the user
-- attaches it; a staged file never attached is removed by retention. Bytes are kept here, with
-- the case: they go when the case goes.
CREATE TABLE case_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_number text REFERENCES portal_case (number) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 255),
  size integer NOT NULL CHECK (size >= 0),
  bytes bytea NOT NULL,
  -- The portal user who attached it (set when it is attached; null while staged).
  uploader_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  attached_at timestamptz,
  CHECK (octet_length(bytes) = size)
);
CREATE INDEX case_attachment_case_idx ON case_attachment (case_number, created_at) WHERE case_number IS NOT NULL;
CREATE INDEX case_attachment_staged_idx ON case_attachment (created_at) WHERE case_number IS NULL;
CREATE INDEX case_attachment_uploader_idx ON case_attachment (uploader_id) WHERE uploader_id IS NOT NULL;
