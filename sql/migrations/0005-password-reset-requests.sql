-- Requests for a password reset link (issue 3), for known and unknown
-- addresses alike, so that they can be limited per address and per client
-- IP the way sign-in attempts are, without telling which addresses exist.
CREATE TABLE password_reset_requests (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email         VARCHAR(254) NOT NULL,
  ip            VARCHAR(45) NOT NULL,
  requested_at  DATETIME(6) NOT NULL,
  KEY password_reset_requests_email (email, requested_at),
  KEY password_reset_requests_ip (ip, requested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
