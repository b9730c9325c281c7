-- Coordinator schema, version 4: leases on providers. A lease is created 'provisioning', becomes
-- 'active' once its provider has a machine (the machine columns are then set) or 'failed' with
-- the provider's reason. cleanup_pending is set in the same statement that ends a lease and
-- cleared once the provider has deleted the machine, so a restart resumes cleanup.
-- provision_inputs is JSON (operator SSH key, provider options, lease secrets such as the host
-- key); it never leaves the coordinator.

ALTER TABLE leases ADD COLUMN server_type      VARCHAR(64);
ALTER TABLE leases ADD COLUMN region           VARCHAR(64);
ALTER TABLE leases ADD COLUMN ssh_host         VARCHAR(255);
ALTER TABLE leases ADD COLUMN ssh_port         INTEGER;
ALTER TABLE leases ADD COLUMN ssh_user         VARCHAR(64);
ALTER TABLE leases ADD COLUMN ssh_host_key     VARCHAR(128);
ALTER TABLE leases ADD COLUMN cost_hourly      VARCHAR(32);
ALTER TABLE leases ADD COLUMN cost_currency    VARCHAR(8);
ALTER TABLE leases ADD COLUMN provider_ref     VARCHAR(128);
ALTER TABLE leases ADD COLUMN failure          VARCHAR(2048);
ALTER TABLE leases ADD COLUMN cleanup_pending  BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE leases ADD COLUMN provision_inputs VARCHAR(65535) NOT NULL DEFAULT '{}';

CREATE INDEX leases_cleanup ON leases (cleanup_pending);
