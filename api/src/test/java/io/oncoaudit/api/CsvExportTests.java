package io.oncoaudit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class CsvExportTests {
    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    RunFixture.Run run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = Fixtures.run(loader, "csv", 150, 9);
    }

    @Test
    void exportHasEveryFindingAndNoCellThatASpreadsheetWouldRun() {
        String csv = Fixtures.auditor().queryParam("runId", run.runId()).get("/api/findings/export.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<List<String>> rows = parse(csv);
        List<String> header = rows.get(0);
        assertEquals(run.findings().size(), rows.size() - 1);
        int explanation = header.indexOf("explanation");
        int patient = header.indexOf("patient_id");
        assertTrue(patient >= 0, "auditors get the patient id column");
        int neutralised = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(header.size(), row.size());
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, "formula cell left as is: " + cell);
            }
            if (row.get(explanation).startsWith("'")) {
                assertTrue("=+-@".indexOf(row.get(explanation).charAt(1)) >= 0);
                neutralised++;
            }
        }
        long formulas = run.findings().stream().filter(f -> "=+-@".indexOf(f.explanation().charAt(0)) >= 0).count();
        assertTrue(formulas > 0);
        assertEquals(formulas, neutralised);
    }

    @Test
    void financeExportHasNoPatientColumn() {
        String csv = Fixtures.finance().queryParam("runId", run.runId()).get("/api/findings/export.csv")
                .then().statusCode(200).extract().asString();
        assertFalse(parse(csv).get(0).contains("patient_id"));
        assertFalse(csv.matches("(?s).*PT\\d{6}.*"));
    }

    /** RFC 4180 parser for the test's own check. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                // part of CRLF
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
