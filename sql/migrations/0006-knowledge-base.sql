-- Knowledge base (issue 4): categories, articles with a text per language
-- and a version history, tags, related articles, FAQ, feedback, the search
-- log for the KPIs, and attachments stored outside the web root.
--
-- Audience decides who may read: public (everyone, also anonymous),
-- customer (kb.read.customer), partner (kb.read.partner), internal
-- (kb.read.internal).  Bodies are restricted XHTML, sanitised on save;
-- body_text is the same text without markup, for FULLTEXT and snippets.

CREATE TABLE kb_categories (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id  INT UNSIGNED NULL,
  slug       VARCHAR(80) NOT NULL,
  position   INT NOT NULL DEFAULT 0,
  audience   ENUM('public','customer','partner','internal') NOT NULL DEFAULT 'public',
  UNIQUE KEY kb_categories_slug (slug),
  KEY kb_categories_parent (parent_id, position),
  CONSTRAINT kb_categories_parent_fk FOREIGN KEY (parent_id) REFERENCES kb_categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_category_texts (
  category_id  INT UNSIGNED NOT NULL,
  lang         CHAR(2) NOT NULL,
  name         VARCHAR(200) NOT NULL,
  description  VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (category_id, lang),
  CONSTRAINT kb_category_texts_fk FOREIGN KEY (category_id) REFERENCES kb_categories (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_articles (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_id   INT UNSIGNED NOT NULL,
  slug          VARCHAR(120) NOT NULL,
  audience      ENUM('public','customer','partner','internal') NOT NULL DEFAULT 'customer',
  status        ENUM('draft','review','published','archived') NOT NULL DEFAULT 'draft',
  created_by    INT UNSIGNED NULL,
  created_at    DATETIME(6) NOT NULL,
  updated_at    DATETIME(6) NOT NULL,
  published_at  DATETIME(6) NULL,
  view_count    INT UNSIGNED NOT NULL DEFAULT 0,
  helpful_yes   INT UNSIGNED NOT NULL DEFAULT 0,
  helpful_no    INT UNSIGNED NOT NULL DEFAULT 0,
  UNIQUE KEY kb_articles_slug (slug),
  KEY kb_articles_category (category_id, status, audience),
  KEY kb_articles_status (status, audience, updated_at),
  CONSTRAINT kb_articles_category_fk FOREIGN KEY (category_id) REFERENCES kb_categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The current text of an article in one language (what readers see once
-- the article is published; what editors edit).
CREATE TABLE kb_article_texts (
  article_id  INT UNSIGNED NOT NULL,
  lang        CHAR(2) NOT NULL,
  title       VARCHAR(300) NOT NULL,
  summary     VARCHAR(1000) NOT NULL DEFAULT '',
  body        MEDIUMTEXT NOT NULL,
  body_text   MEDIUMTEXT NOT NULL,
  version_no  INT UNSIGNED NOT NULL DEFAULT 1,
  updated_at  DATETIME(6) NOT NULL,
  updated_by  INT UNSIGNED NULL,
  PRIMARY KEY (article_id, lang),
  KEY kb_article_texts_lang (lang),
  FULLTEXT KEY kb_ft_title (title),
  FULLTEXT KEY kb_ft_body (body_text),
  FULLTEXT KEY kb_ft_all (title, summary, body_text),
  CONSTRAINT kb_article_texts_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every save is a version: restore copies one back into kb_article_texts.
CREATE TABLE kb_article_versions (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  article_id  INT UNSIGNED NOT NULL,
  lang        CHAR(2) NOT NULL,
  version_no  INT UNSIGNED NOT NULL,
  title       VARCHAR(300) NOT NULL,
  summary     VARCHAR(1000) NOT NULL DEFAULT '',
  body        MEDIUMTEXT NOT NULL,
  status      ENUM('draft','review','published','archived') NOT NULL,
  note        VARCHAR(300) NOT NULL DEFAULT '',
  created_by  INT UNSIGNED NULL,
  created_at  DATETIME(6) NOT NULL,
  UNIQUE KEY kb_versions_no (article_id, lang, version_no),
  CONSTRAINT kb_versions_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_tags (
  id    INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name  VARCHAR(60) NOT NULL,
  UNIQUE KEY kb_tags_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_article_tags (
  article_id  INT UNSIGNED NOT NULL,
  tag_id      INT UNSIGNED NOT NULL,
  PRIMARY KEY (article_id, tag_id),
  KEY kb_article_tags_tag (tag_id),
  CONSTRAINT kb_article_tags_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE,
  CONSTRAINT kb_article_tags_tag_fk FOREIGN KEY (tag_id) REFERENCES kb_tags (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_related (
  article_id  INT UNSIGNED NOT NULL,
  related_id  INT UNSIGNED NOT NULL,
  position    INT NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, related_id),
  CONSTRAINT kb_related_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE,
  CONSTRAINT kb_related_related_fk FOREIGN KEY (related_id) REFERENCES kb_articles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_faq_topics (
  id        INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug      VARCHAR(80) NOT NULL,
  position  INT NOT NULL DEFAULT 0,
  UNIQUE KEY kb_faq_topics_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_faq_topic_texts (
  topic_id  INT UNSIGNED NOT NULL,
  lang      CHAR(2) NOT NULL,
  name      VARCHAR(200) NOT NULL,
  PRIMARY KEY (topic_id, lang),
  CONSTRAINT kb_faq_topic_texts_fk FOREIGN KEY (topic_id) REFERENCES kb_faq_topics (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_faq (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  topic_id    INT UNSIGNED NOT NULL,
  article_id  INT UNSIGNED NULL,
  audience    ENUM('public','customer','partner','internal') NOT NULL DEFAULT 'public',
  position    INT NOT NULL DEFAULT 0,
  status      ENUM('draft','published','archived') NOT NULL DEFAULT 'published',
  KEY kb_faq_topic (topic_id, status, position),
  CONSTRAINT kb_faq_topic_fk FOREIGN KEY (topic_id) REFERENCES kb_faq_topics (id),
  CONSTRAINT kb_faq_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_faq_texts (
  faq_id       INT UNSIGNED NOT NULL,
  lang         CHAR(2) NOT NULL,
  question     VARCHAR(500) NOT NULL,
  answer       TEXT NOT NULL,
  answer_text  TEXT NOT NULL,
  PRIMARY KEY (faq_id, lang),
  FULLTEXT KEY kb_faq_ft (question, answer_text),
  CONSTRAINT kb_faq_texts_fk FOREIGN KEY (faq_id) REFERENCES kb_faq (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_feedback (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  article_id  INT UNSIGNED NOT NULL,
  lang        CHAR(2) NOT NULL,
  user_id     INT UNSIGNED NULL,
  helpful     TINYINT(1) NOT NULL,
  comment     VARCHAR(2000) NOT NULL DEFAULT '',
  created_at  DATETIME(6) NOT NULL,
  ip          VARCHAR(45) NOT NULL DEFAULT '',
  KEY kb_feedback_article (article_id, created_at),
  CONSTRAINT kb_feedback_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Searches and suggestions, for the KPIs (top and zero-result searches)
-- and to learn which answer was opened.
CREATE TABLE kb_searches (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at                  DATETIME(6) NOT NULL,
  source              ENUM('search','suggest') NOT NULL,
  user_id             INT UNSIGNED NULL,
  org_id              INT UNSIGNED NULL,
  lang                CHAR(2) NOT NULL,
  query               VARCHAR(200) NOT NULL,
  result_count        INT UNSIGNED NOT NULL,
  clicked_article_id  INT UNSIGNED NULL,
  clicked_at          DATETIME(6) NULL,
  KEY kb_searches_at (at),
  KEY kb_searches_query (query, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Files of an article: stored under [paths] files with a random name,
-- served by nginx (X-Accel-Redirect) after the kb worker checked access.
CREATE TABLE kb_attachments (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  article_id    INT UNSIGNED NOT NULL,
  filename      VARCHAR(200) NOT NULL,
  content_type  VARCHAR(100) NOT NULL,
  size_bytes    INT UNSIGNED NOT NULL,
  storage_name  CHAR(64) NOT NULL,
  created_by    INT UNSIGNED NULL,
  created_at    DATETIME(6) NOT NULL,
  UNIQUE KEY kb_attachments_storage (storage_name),
  KEY kb_attachments_article (article_id),
  CONSTRAINT kb_attachments_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
