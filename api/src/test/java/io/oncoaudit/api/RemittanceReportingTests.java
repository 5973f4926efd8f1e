package io.oncoaudit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.support.RemitFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remittance views of schema reporting (Flyway V21): figures equal the fixture, no patient data, readable with reporting grants only. */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class RemittanceReportingTests {
    private static final List<String> VIEWS = List.of("remittance_lines", "remittance_adjustments", "finding_remittances");

    @Inject
    RunLoader loader;

    @Inject
    AgroalDataSource ds;

    @Test
    void remittanceViewsEqualTheRunAndCarryNoPatientData() throws Exception {
        RemitFixture.RemitRun run = RemitFixture.loaded(loader, "remit-reporting", 40, 17);
        String id = run.runId();
        long denied = run.lines().stream().filter(l -> l.status().equals("DENIED") || l.status().equals("REJECTED")).count();
        List<Object> lines = row("SELECT count(*), count(*) FILTER (WHERE revenue_cycle_category IN ('denial', 'rejection')),"
                + " count(*) FILTER (WHERE unmatched) FROM reporting.remittance_lines WHERE run_id = ?", id);
        assertEquals((long) run.lines().size(), lines.get(0));
        assertEquals(denied, lines.get(1));
        assertEquals(run.lines().stream().filter(l -> l.lineNumber() == null).count(), lines.get(2));
        BigDecimal co50 = run.lines().stream().flatMap(l -> l.adjustments().stream())
                .filter(a -> a.group().equals("CO") && a.carc().equals("50")).map(RemitFixture.Adj::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, co50.compareTo((BigDecimal) row("SELECT sum(adjustment_amount) FROM reporting.remittance_adjustments"
                + " WHERE run_id = ? AND adjustment_group = 'CO' AND carc = '50'", id).get(0)));
        long deniedFindings = run.run().findings().stream().filter(f -> run.lines().stream().anyMatch(l -> l.claimId().equals(f.claimId())
                && Integer.valueOf(f.findingIndex() + 1).equals(l.lineNumber()) && l.status().equals("DENIED"))).count();
        assertEquals(deniedFindings, row("SELECT count(*) FROM reporting.finding_remittances WHERE run_id = ? AND remit_status = 'DENIED'", id).get(0));
        for (String view : VIEWS) {
            List<String> columns = new ArrayList<>();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'reporting' AND table_name = ?")) {
                ps.setString(1, view);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) columns.add(rs.getString(1));
                }
            }
            assertFalse(columns.isEmpty(), view);
            for (String banned : List.of("patient_id", "patient_name", "member_id", "explanation", "appeal_text", "note", "amount")) {
                assertFalse(columns.contains(banned), "reporting." + view + " has no " + banned + ": " + columns);
            }
            assertTrue(row("SELECT obj_description(('reporting.' || ?)::regclass, 'pg_class')", view).get(0) != null, view + " is documented");
        }
    }

    @Test
    void aRoleWithTheReportingGrantsOnlyReadsTheViewsButNotTheTables() throws Exception {
        RemitFixture.loaded(loader, "remit-reporting", 40, 17);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                // what V10 grants the reporting role: usage on the schema and SELECT on its views, nothing on the tables
                s.execute("CREATE ROLE remit_bi_probe NOLOGIN");
                s.execute("GRANT USAGE ON SCHEMA reporting TO remit_bi_probe");
                s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO remit_bi_probe");
                s.execute("SET LOCAL ROLE remit_bi_probe");
                for (String view : VIEWS) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM reporting." + view)) {
                        assertTrue(rs.next() && rs.getLong(1) > 0, view);
                    }
                }
                s.execute("SAVEPOINT probe");
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT count(*) FROM remit_lines"));
                assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private List<Object> row(String sql, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<Object> out = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) out.add(rs.getObject(i));
                return out;
            }
        }
    }
}
