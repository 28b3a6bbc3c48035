-- Core: organisations, people, roles and permissions, sessions, login
-- throttling and the audit log (DESIGN.md §4).  All times are UTC.

CREATE TABLE orgs (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  kind        ENUM('provider','customer','partner') NOT NULL,
  tier        VARCHAR(40) NULL,
  currency    CHAR(3) NOT NULL DEFAULT 'EUR',
  language    CHAR(2) NOT NULL DEFAULT 'en',
  status      ENUM('active','inactive') NOT NULL DEFAULT 'active',
  created_at  DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  UNIQUE KEY orgs_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
  id                 INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_id             INT UNSIGNED NOT NULL,
  email              VARCHAR(254) NOT NULL,
  name               VARCHAR(200) NOT NULL,
  password_hash      VARCHAR(255) NULL,
  language           CHAR(2) NULL,
  time_zone          VARCHAR(64) NOT NULL DEFAULT 'UTC',
  status             ENUM('active','inactive','invited','deleted') NOT NULL DEFAULT 'active',
  created_at         DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  last_login_at      DATETIME(6) NULL,
  previous_login_at  DATETIME(6) NULL,
  UNIQUE KEY users_email (email),
  KEY users_org (org_id),
  CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A role decides a person's rights and their start page ("home").  Higher
-- priority wins when a person holds several roles.
CREATE TABLE roles (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(64) NOT NULL,
  org_kind    ENUM('provider','customer','partner') NOT NULL,
  home        ENUM('customer','partner','agent','admin') NOT NULL,
  priority    SMALLINT NOT NULL DEFAULT 0,
  builtin     TINYINT(1) NOT NULL DEFAULT 0,
  UNIQUE KEY roles_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_roles (
  user_id  INT UNSIGNED NOT NULL,
  role_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (user_id, role_id),
  KEY user_roles_role (role_id),
  CONSTRAINT user_roles_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT user_roles_role_fk FOREIGN KEY (role_id) REFERENCES roles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE permissions (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(64) NOT NULL,
  description  VARCHAR(255) NOT NULL DEFAULT '',
  UNIQUE KEY permissions_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role_permissions (
  role_id        INT UNSIGNED NOT NULL,
  permission_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (role_id, permission_id),
  CONSTRAINT role_permissions_role_fk FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE,
  CONSTRAINT role_permissions_perm_fk FOREIGN KEY (permission_id) REFERENCES permissions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The token itself is never stored: token_hash = SHA-256 of the cookie value.
CREATE TABLE sessions (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash    BINARY(32) NOT NULL,
  user_id       INT UNSIGNED NOT NULL,
  csrf          CHAR(64) NOT NULL,
  created_at    DATETIME(6) NOT NULL,
  last_seen_at  DATETIME(6) NOT NULL,
  expires_at    DATETIME(6) NOT NULL,
  ip            VARCHAR(45) NOT NULL DEFAULT '',
  user_agent    VARCHAR(255) NOT NULL DEFAULT '',
  UNIQUE KEY sessions_token (token_hash),
  KEY sessions_user (user_id),
  CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every login attempt, by the address as typed (known or not) and the IP.
CREATE TABLE login_attempts (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email         VARCHAR(254) NOT NULL,
  ip            VARCHAR(45) NOT NULL,
  attempted_at  DATETIME(6) NOT NULL,
  success       TINYINT(1) NOT NULL,
  KEY login_attempts_email (email, attempted_at),
  KEY login_attempts_ip (ip, attempted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at           DATETIME(6) NOT NULL,
  user_id      INT UNSIGNED NULL,
  org_id       INT UNSIGNED NULL,
  action       VARCHAR(64) NOT NULL,
  object_type  VARCHAR(64) NOT NULL,
  object_id    VARCHAR(64) NULL,
  before_json  TEXT NULL,
  after_json   TEXT NULL,
  ip           VARCHAR(45) NOT NULL DEFAULT '',
  KEY audit_at (at),
  KEY audit_org (org_id, at),
  KEY audit_object (object_type, object_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
