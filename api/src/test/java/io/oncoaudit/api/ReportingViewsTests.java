package io.oncoaudit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BI views of schema reporting (Flyway V7): their figures equal the fixture and the API, and hold no patient data. */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class ReportingViewsTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @Inject
    AgroalDataSource ds;

    RunFixture.Run run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = Fixtures.run(loader, "reporting-views", 90, 19);
    }

    @Test
    void findingsAndSummaryViewsEqualTheFixtureAndCarryNoPatientData() throws Exception {
        BigDecimal under = BigDecimal.ZERO;
        for (RunFixture.Finding f : run.findings()) if (f.direction().equals("UNDERPAYMENT")) under = under.add(f.amount());
        List<Object> findings = row("SELECT count(*), sum(amount) FILTER (WHERE direction = 'UNDERPAYMENT') FROM reporting.findings WHERE run_id = ?", run.runId());
        assertEquals((long) run.findings().size(), findings.get(0));
        assertEquals(0, under.compareTo((BigDecimal) findings.get(1)));
        List<Object> summary = row("SELECT sum(findings), sum(underpayment) FROM reporting.summary WHERE run_id = ?", run.runId());
        assertEquals(0, BigDecimal.valueOf(run.findings().size()).compareTo((BigDecimal) summary.get(0)));
        assertEquals(0, under.compareTo((BigDecimal) summary.get(1)));
        for (String view : List.of("findings", "summary", "campaigns", "campaign_claims", "recovery")) {
            List<String> columns = new ArrayList<>();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'reporting' AND table_name = ?")) {
                ps.setString(1, view);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) columns.add(rs.getString(1));
                }
            }
            assertFalse(columns.isEmpty(), "view reporting." + view);
            for (String banned : List.of("patient_id", "explanation", "appeal_text", "note", "amount")) {
                if (banned.equals("amount") && view.equals("findings")) continue; // one finding's amount, with its direction
                assertFalse(columns.contains(banned), "reporting." + view + " has no " + banned + ": " + columns);
            }
            assertTrue(row("SELECT obj_description(('reporting.' || ?)::regclass, 'pg_class')", view).get(0) != null, view + " is documented");
        }
    }

    @Test
    void theRecoveryViewEqualsTheRecoveryReport() throws Exception {
        JsonNode report = JSON.readTree(Fixtures.finance().get("/api/campaigns/recovery").then().statusCode(200).extract().asString());
        List<Object> view = row("SELECT sum(campaign_claims), coalesce(sum(recovered), 0), sum(identified) FROM reporting.recovery");
        assertEquals(0, new BigDecimal(report.get("total").get("campaignClaims").asText()).compareTo((BigDecimal) view.get(0)));
        assertEquals(0, report.get("total").get("recovered").decimalValue().compareTo((BigDecimal) view.get(1)));
        assertEquals(0, report.get("total").get("identified").decimalValue().compareTo((BigDecimal) view.get(2)));
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
