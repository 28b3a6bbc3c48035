-- Article bodies written in Markdown (issue 9).  body stays what readers
-- are shown: the sanitised XHTML.  body_format says how the editor wrote
-- it, and for 'markdown' body_source keeps what the editor typed, so the
-- editor re-opens the source, and versions, diffs and restores work on
-- it.  Texts written before keep 'xhtml' and an empty source: their body
-- is the source.

ALTER TABLE kb_article_texts
  ADD COLUMN body_format ENUM('xhtml','markdown') NOT NULL DEFAULT 'xhtml' AFTER body,
  ADD COLUMN body_source MEDIUMTEXT NULL AFTER body_format;

ALTER TABLE kb_article_versions
  ADD COLUMN body_format ENUM('xhtml','markdown') NOT NULL DEFAULT 'xhtml' AFTER body,
  ADD COLUMN body_source MEDIUMTEXT NULL AFTER body_format;
