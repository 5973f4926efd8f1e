package io.oncoaudit.api.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded database's roles (issue 17), applied as the superuser at every start (idempotent):
 * <ul>
 *   <li>{@code oncoaudit_owner}: owns schema public and everything in it (objects an earlier version created as
 *       the superuser are handed over); may create schemas (Flyway's {@code reporting}); runs migrations and loads;</li>
 *   <li>{@code oncoaudit_app}: connects and gets SELECT/INSERT/UPDATE/DELETE on the application's tables through
 *       the grants of migration V10 (tables created later by the owner get them by default privileges);
 *       no DDL, no roles, no superuser functions (COPY TO PROGRAM, pg_authid, server files);</li>
 *   <li>{@code oncoaudit_reporting}: connects; SELECT on schema reporting only (V10).</li>
 * </ul>
 * No role but the superuser is SUPERUSER, CREATEROLE or CREATEDB; PUBLIC keeps no CREATE on public.
 */
final class Roles {
    private Roles() { }

    static void apply(Connection superuser, DatabaseSecrets secrets) {
        try (Connection c = superuser; Statement s = c.createStatement()) {
            role(s, EmbeddedDatabase.OWNER, secrets.owner());
            role(s, EmbeddedDatabase.APP, secrets.app());
            role(s, EmbeddedDatabase.REPORTING, secrets.reporting());
            s.execute("REVOKE ALL ON DATABASE " + EmbeddedDatabase.DATABASE + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + EmbeddedDatabase.DATABASE + " TO " + EmbeddedDatabase.OWNER + ", "
                    + EmbeddedDatabase.APP + ", " + EmbeddedDatabase.REPORTING);
            s.execute("GRANT CREATE ON DATABASE " + EmbeddedDatabase.DATABASE + " TO " + EmbeddedDatabase.OWNER);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("ALTER SCHEMA public OWNER TO " + EmbeddedDatabase.OWNER);
            // objects an earlier version created as the superuser (tables, partitions, views, sequences, schemas)
            s.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                      FOR r IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname IN ('public', 'reporting') AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                 AND pg_get_userbyid(c.relowner) = 'postgres'
                      LOOP
                        EXECUTE format('ALTER %s %I.%I OWNER TO oncoaudit_owner',
                          CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                          r.nspname, r.relname);
                      END LOOP;
                      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'reporting') THEN
                        ALTER SCHEMA reporting OWNER TO oncoaudit_owner;
                      END IF;
                    END $$""");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the embedded PostgreSQL's roles: " + e.getMessage(), e);
        }
    }

    private static void role(Statement s, String name, String password) throws SQLException {
        s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + name + "') THEN CREATE ROLE " + name
                + "; END IF; END $$");
        s.execute("ALTER ROLE " + name + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS PASSWORD " + literal(password));
    }

    /** A SQL string literal (the passwords are base64url, but quote anyway). */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
