-- Coordinator schema, version 5: a resume secret remembers who holds the socket it resumes (the
-- owner, org and role of the ticket's minter), so that a share revocation can close resumed
-- sockets too, on any node. Rows written before this version have no caller (NULL).

ALTER TABLE resume_secrets ADD COLUMN owner     VARCHAR(128);
ALTER TABLE resume_secrets ADD COLUMN org       VARCHAR(128);
ALTER TABLE resume_secrets ADD COLUMN user_role VARCHAR(8);
