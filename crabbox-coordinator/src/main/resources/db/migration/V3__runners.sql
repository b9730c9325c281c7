-- Coordinator schema, version 3: external runners (Blacksmith Testboxes and the like) synced by
-- their operators. Portable SQL (H2 and PostgreSQL): times are epoch milliseconds in BIGINT
-- columns; labels are a JSON object stored as text. Rows are never deleted: a runner a sync no
-- longer reports is marked stale. Column names avoid reserved words (name, status, job).

CREATE TABLE runners (
  provider       VARCHAR(32)    NOT NULL,
  runner_id      VARCHAR(128)   NOT NULL,
  runner_name    VARCHAR(256),
  owner          VARCHAR(128)   NOT NULL,
  org            VARCHAR(128)   NOT NULL,
  runner_status  VARCHAR(16)    NOT NULL,
  repo           VARCHAR(256),
  workflow       VARCHAR(256),
  actions_run_id VARCHAR(32),
  job_name       VARCHAR(256),
  labels         VARCHAR(65535) NOT NULL,
  created_at     BIGINT,
  started_at     BIGINT,
  first_seen_at  BIGINT         NOT NULL,
  last_seen_at   BIGINT         NOT NULL,
  stale          BOOLEAN        NOT NULL,
  stale_since    BIGINT,
  PRIMARY KEY (provider, runner_id)
);

CREATE INDEX runners_owner ON runners (provider, owner);
CREATE INDEX runners_seen ON runners (last_seen_at);
