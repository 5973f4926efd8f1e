-- Issue 17: least-privilege access for the embedded database's roles (io.oncoaudit.api.db.Roles creates them
-- before Flyway runs, as the owner oncoaudit_owner). On an external PostgreSQL the roles exist only if its
-- operator created them (api/README.md, Security); otherwise this migration grants nothing.
CREATE SCHEMA IF NOT EXISTS reporting;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oncoaudit_app') THEN
    GRANT USAGE ON SCHEMA public TO oncoaudit_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO oncoaudit_app;
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO oncoaudit_app;
    -- tables the owner creates later (migrations, a load's partitions) get the same grants
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO oncoaudit_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO oncoaudit_app;
    -- the migration history is the owner's business
    REVOKE ALL ON TABLE flyway_schema_history FROM oncoaudit_app;
    GRANT USAGE ON SCHEMA reporting TO oncoaudit_app;
    GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO oncoaudit_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO oncoaudit_app;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oncoaudit_reporting') THEN
    -- BI tools: the documented views of schema reporting, nothing else
    GRANT USAGE ON SCHEMA reporting TO oncoaudit_reporting;
    GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO oncoaudit_reporting;
    ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO oncoaudit_reporting;
  END IF;
END $$;
