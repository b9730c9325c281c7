-- Coordinator schema, version 1. Portable SQL (H2 and PostgreSQL): times are epoch milliseconds
-- in BIGINT columns, credentials are stored only as SHA-256 hex digests.

CREATE TABLE leases (
  id            VARCHAR(32)  NOT NULL PRIMARY KEY,
  slug          VARCHAR(64)  NOT NULL UNIQUE,
  owner         VARCHAR(128) NOT NULL,
  org           VARCHAR(128) NOT NULL,
  provider      VARCHAR(32)  NOT NULL,
  target        VARCHAR(32)  NOT NULL,
  state         VARCHAR(16)  NOT NULL,
  label_desktop BOOLEAN      NOT NULL,
  label_browser BOOLEAN      NOT NULL,
  label_code    BOOLEAN      NOT NULL,
  ttl_ms        BIGINT       NOT NULL,
  idle_ms       BIGINT       NOT NULL,
  created_at    BIGINT       NOT NULL,
  updated_at    BIGINT       NOT NULL,
  touched_at    BIGINT       NOT NULL,
  expires_at    BIGINT       NOT NULL
);

CREATE INDEX leases_owner ON leases (owner);
CREATE INDEX leases_state_expires ON leases (state, expires_at);

-- kind 'user': subject is a user name; kind 'org': subject is the lease's org.
CREATE TABLE lease_shares (
  lease_id VARCHAR(32)  NOT NULL REFERENCES leases (id),
  kind     VARCHAR(8)   NOT NULL,
  subject  VARCHAR(128) NOT NULL,
  access   VARCHAR(8)   NOT NULL,
  PRIMARY KEY (lease_id, kind, subject)
);

CREATE INDEX lease_shares_subject ON lease_shares (kind, subject);

-- One row per lease: its current (ended_at IS NULL) or last egress session.
CREATE TABLE egress_sessions (
  lease_id      VARCHAR(32)    NOT NULL PRIMARY KEY REFERENCES leases (id),
  session_id    VARCHAR(96)    NOT NULL,
  profile       VARCHAR(256)   NOT NULL,
  allow_entries VARCHAR(65535) NOT NULL,
  created_at    BIGINT         NOT NULL,
  updated_at    BIGINT         NOT NULL,
  ended_at      BIGINT
);

CREATE TABLE egress_tickets (
  ticket_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
  lease_id    VARCHAR(32)  NOT NULL REFERENCES leases (id),
  role        VARCHAR(8)   NOT NULL,
  session_id  VARCHAR(96)  NOT NULL,
  owner       VARCHAR(128) NOT NULL,
  org         VARCHAR(128) NOT NULL,
  user_role   VARCHAR(8)   NOT NULL,
  created_at  BIGINT       NOT NULL,
  expires_at  BIGINT       NOT NULL,
  consumed_at BIGINT
);

CREATE INDEX egress_tickets_expires ON egress_tickets (expires_at);

CREATE TABLE resume_secrets (
  secret_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  lease_id    VARCHAR(32) NOT NULL REFERENCES leases (id),
  session_id  VARCHAR(96) NOT NULL,
  role        VARCHAR(8)  NOT NULL,
  created_at  BIGINT      NOT NULL,
  consumed_at BIGINT
);

CREATE INDEX resume_secrets_lease ON resume_secrets (lease_id, consumed_at);
