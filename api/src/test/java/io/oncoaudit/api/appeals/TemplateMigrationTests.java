package io.oncoaudit.api.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migration V40 turns letter templates edited before letters moved to Qute ({{name}} placeholders and blocks) into Qute
 * templates. A template stored with the old syntax (here the old built-in default, the usual starting point of an edit)
 * is converted by the migration's own UPDATE statement, and the result passes what saving a template checks today: it
 * parses, reads only known fields, and renders both sample letters to PDF.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class TemplateMigrationTests {
    private static final String PAYER = "V40PAYER";

    @Inject
    AgroalDataSource ds;

    @Inject
    UserService users;

    @BeforeEach
    void setUp() {
        Fixtures.users(users);
    }

    @Test
    void aTemplateEditedBeforeQuteIsConvertedAndStillRenders() throws Exception {
        String old = resource("/appeals/pre-v40-default-template.html");
        assertTrue(old.contains("{{claimId}}") && old.contains("{{findingsSection}}"), "the fixture uses the old syntax");
        String update = v40TemplateUpdate();
        String converted;
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO appeal_templates (payer_id, body, updated_by) VALUES (?, ?, 'before-v40')"
                    + " ON CONFLICT (payer_id) DO UPDATE SET body = EXCLUDED.body")) {
                ps.setString(1, PAYER);
                ps.setString(2, old);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(update + " AND payer_id = ?")) {
                ps.setString(1, PAYER);
                assertEquals(1, ps.executeUpdate(), "the migration's UPDATE converts the stored template");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM appeal_templates WHERE payer_id = ?")) {
                ps.setString(1, PAYER);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    converted = rs.getString(1);
                }
            }
        }
        assertFalse(converted.contains("{{"), "no old placeholder left");
        assertTrue(converted.contains("<title>{letter.subject}</title>"), "a value becomes {letter.name}");
        assertTrue(converted.contains("{letter.claimId}") && converted.contains("{letter.payerName}"));
        for (String block : new String[] {"introduction", "billedLinesTable", "correctedLinesTable", "findingsSection", "overpaymentNote", "enclosures"}) {
            assertTrue(converted.contains("{#include appeals/blocks/" + block + " /}"), block + " becomes the built-in block template");
        }
        // a file of the template folder is converted the same way as it is read
        assertEquals(converted, io.oncoaudit.api.appeals.letter.LegacyPlaceholders.convert(old));
        // saving refuses the old syntax (Qute would print it as it is), naming the line and the replacement
        Fixtures.auditor().contentType("text/html").body(old).put("/api/appeal-templates/" + PAYER).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("template"))
                .body("detail", org.hamcrest.Matchers.containsString("line 16: {{subject}}"))
                .body("detail", org.hamcrest.Matchers.containsString("write {letter.subject}"));
        // what saving checks today: parses, known fields only, both sample letters render to PDF
        Fixtures.auditor().contentType("text/html").body(converted).put("/api/appeal-templates/" + PAYER).then().statusCode(200);
        Fixtures.auditor().delete("/api/appeal-templates/" + PAYER).then().statusCode(204);
    }

    /** The template conversion statement of V40, as Flyway runs it (the WHERE clause included). */
    private static String v40TemplateUpdate() throws Exception {
        String sql = resource("/db/migration/V40__finding_pricing_and_claim_form.sql");
        Matcher m = Pattern.compile("UPDATE appeal_templates SET body = .*?WHERE body LIKE '%\\{\\{%'", Pattern.DOTALL).matcher(sql);
        assertTrue(m.find(), "V40 holds the template conversion");
        return m.group();
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = TemplateMigrationTests.class.getResourceAsStream(path)) {
            assertTrue(in != null, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
