package io.oncoaudit.api.appeals;

import static io.oncoaudit.api.appeals.AppealsTestData.pdfText;
import static io.oncoaudit.api.appeals.AppealsTestData.unzip;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.appeals.letter.PublicText;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The route follows payer and situation, and the letter's title, its body, its enclosures and its corrected-lines.csv
 * rows all name the same one: Medicare reopening (clerical coding error, 1 year), Medicare redetermination (denial,
 * 120 days from receipt), a type of bill 137 replacement of a hospital outpatient claim, a commercial frequency-7
 * corrected claim, and no appeal at all for a claim returned as unprocessable. Also: what is asked never exceeds what
 * the corrected line can be paid.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class LetterRoutesTests {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final List<String> ROUTE_WORDS = List.of("reopening", "redetermination", "replacement", "corrected claim", "appeal of");

    @Inject
    AgroalDataSource ds;

    @Inject
    UserService users;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        AppealsTestData.archiveOpenCampaigns(ds);
    }

    /** One claim in a run of its own, its appeal text worded as coding-core words it; returns the unique payer-scoped claim id. */
    String claim(String payer, String direction, LocalDate dos, String claimType, String billType, String remark) throws Exception {
        String id = "RT-" + UUID.randomUUID().toString().substring(0, 8);
        String appeal = "DENIAL".equals(direction)
                ? "Claim " + id + ", date of service " + dos + ": we request redetermination (or reopening for a clerical error) of the denied"
                  + " service, corrected as 96372 x1 to 96401 x1. CPT describes 96401 for an antineoplastic given SC or IM."
                : "Claim " + id + ", date of service " + dos + ": we request reopening to correct 96372 x1 to 96401 x1."
                  + " CPT describes 96401 for an antineoplastic given SC or IM.";
        AppealsTestData.insertRun(ds, "routes-" + id, new AppealsTestData.Claim(id, "PT999701", dos, payer, payer + " plan", "Route Clinic",
                "96372 billed for an antineoplastic given SC (NOTES 1.1)", appeal, new BigDecimal("25.00"), direction));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE encounters SET claim_type = ?, bill_type = ?, billed_lines_json = replace(billed_lines_json, '\"remarkCodes\":[]', ?)"
                        + " WHERE claim_id = ?")) {
            ps.setString(1, claimType);
            ps.setString(2, billType);
            ps.setString(3, remark == null ? "\"remarkCodes\":[]" : "\"remarkCodes\":[\"" + remark + "\"],\"adjustmentReasonCodes\":[\"CO-16\"]");
            ps.setString(4, id);
            assertEquals(1, ps.executeUpdate());
        }
        return id;
    }

    long campaign(String claimId) throws Exception {
        String body = "{\"name\":\"route " + claimId + "\",\"filter\":{\"runId\":\"routes-" + claimId + "\"}}";
        return JSON.readTree(Fixtures.auditor().contentType("application/json").body(body).post("/api/campaigns")
                .then().statusCode(201).extract().asString()).get("id").asLong();
    }

    record Letter(String title, String body, String csvRow, JsonNode claim) { }

    Letter letter(String claimId) throws Exception {
        long id = campaign(claimId);
        Map<String, byte[]> zip = unzip(Fixtures.auditor().queryParam("include", "late").get("/api/campaigns/" + id + "/packet")
                .then().statusCode(200).extract().asByteArray());
        String text = pdfText(zip.get("appeal-" + claimId + ".pdf"));
        String[] rows = new String(zip.get("corrected-lines.csv"), StandardCharsets.UTF_8).split("\r\n");
        assertTrue(rows[0].endsWith(",submission_note,type_of_bill"), rows[0]);
        assertEquals(2, rows.length, "one corrected line");
        JsonNode claim = JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + id + "/claims/" + claimId).then().statusCode(200)
                .extract().asString());
        // the title is the heading after the addresses: "Request for ...: claim <id>"
        String title = text.lines().filter(l -> l.endsWith("claim " + claimId)).findFirst().orElseThrow(() -> new AssertionError(text));
        String body = text.substring(text.indexOf(title) + title.length());
        assertFalse(PublicText.hasInternalReference(text), text);
        return new Letter(title, body.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), rows[1], claim);
    }

    /** The body names the route of the title and no other. */
    static void onlyRoute(Letter l, String route) {
        assertTrue(l.body().contains(route), "the body names " + route + "\n" + l.body());
        for (String other : ROUTE_WORDS) {
            // a corrected claim is the replacement of the original claim: the one pair of words that go together
            boolean same = route.contains(other) || other.contains(route) || (route.equals("corrected claim") && other.equals("replacement"));
            if (!same) assertFalse(l.body().contains(other), "'" + other + "' in a " + route + " letter\n" + l.body());
        }
    }

    @Test
    void medicareCodingErrorIsAReopeningWithinOneYearNeverAReplacement() throws Exception {
        LocalDate dos = LocalDate.now().minusDays(40);
        String id = claim("MEDICARE", "UNDERPAYMENT", dos, "PROFESSIONAL", null, null);
        Letter l = letter(id);
        assertEquals("Request for reopening: claim " + id, l.title());
        onlyRoute(l, "reopening");
        assertTrue(l.body().contains("42 cfr 405.980"), l.body());
        assertTrue(l.csvRow().startsWith("," + id + ","), "no frequency code 7 for Medicare Part B: " + l.csvRow());
        assertTrue(l.csvRow().contains("reopening request"), l.csvRow());
        assertEquals("reopening", l.claim().get("deadline").get("route").asText());
        // one year from the (estimated) initial determination: date of service + 30 days
        assertEquals(dos.plusDays(30).plusYears(1).toString(), l.claim().get("deadline").get("due").asText());
    }

    @Test
    void medicareDenialIsARedeterminationWithin120DaysOfReceipt() throws Exception {
        LocalDate dos = LocalDate.now().minusDays(40);
        String id = claim("MEDICARE", "DENIAL", dos, null, null, null);
        Letter l = letter(id);
        assertEquals("Request for redetermination: claim " + id, l.title());
        onlyRoute(l, "redetermination");
        assertTrue(l.body().contains("42 cfr 405.942"), l.body());
        assertTrue(l.csvRow().startsWith("," + id + ","), l.csvRow());
        assertTrue(l.csvRow().contains("redetermination request"), l.csvRow());
        assertEquals("redetermination", l.claim().get("deadline").get("route").asText());
        assertEquals(dos.plusDays(30 + 5 + 120).toString(), l.claim().get("deadline").get("due").asText());
    }

    @Test
    void aHospitalOutpatientClaimIsReplacedByTypeOfBill137() throws Exception {
        LocalDate dos = LocalDate.now().minusDays(40);
        String id = claim("MEDICARE", "UNDERPAYMENT", dos, "INSTITUTIONAL", "0131", null);
        Letter l = letter(id);
        assertEquals("Request for corrected claim processing (type of bill 137): claim " + id, l.title());
        onlyRoute(l, "corrected claim");
        assertTrue(l.body().contains("type of bill 137"), l.body());
        assertTrue(l.csvRow().startsWith("7," + id + ","), l.csvRow());
        assertTrue(l.csvRow().endsWith(",137"), l.csvRow());
        assertEquals("corrected-claim", l.claim().get("deadline").get("route").asText());
        // an adjustment claim is filed within the timely filing limit: one year from the date of service
        assertEquals(dos.plusYears(1).toString(), l.claim().get("deadline").get("due").asText());
    }

    @Test
    void aCommercialProfessionalClaimIsACorrectedClaimWithFrequencyCode7() throws Exception {
        String id = claim("UHC", "UNDERPAYMENT", LocalDate.now().minusDays(10), "PROFESSIONAL", null, null);
        Letter l = letter(id);
        assertEquals("Request for corrected claim processing (claim frequency code 7): claim " + id, l.title());
        onlyRoute(l, "corrected claim");
        assertTrue(l.csvRow().startsWith("7," + id + ","), l.csvRow());
        assertTrue(l.csvRow().endsWith(","), "no type of bill on a professional claim: " + l.csvRow());
    }

    @Test
    void aClaimReturnedAsUnprocessableIsNeverAppealedButResubmitted() throws Exception {
        String id = claim("MEDICARE", "UNDERPAYMENT", LocalDate.now().minusDays(10), "PROFESSIONAL", null, "MA130");
        long campaign = campaign(id);
        Map<String, byte[]> zip = unzip(Fixtures.auditor().get("/api/campaigns/" + campaign + "/packet").then().statusCode(200)
                .extract().asByteArray());
        assertFalse(zip.keySet().stream().anyMatch(n -> n.endsWith(".pdf")), zip.keySet().toString());
        String index = new String(zip.get("index.csv"), StandardCharsets.UTF_8);
        assertTrue(index.contains(id + ",,25.00,no,returned as unprocessable (remark code MA130): no appeal rights"), index);
        String csv = new String(zip.get("corrected-lines.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n1," + id + ",") && csv.contains("submit as a new claim"), csv);
        Fixtures.auditor().get("/api/campaigns/" + campaign + "/claims/" + id + "/letter.pdf").then().statusCode(409)
                .body("detail", containsString("MA130"));
    }

    /**
     * A drug line billed at $15,380 for 400 units, whose fee-schedule price would be higher: a run priced before the
     * lesser-of rule stored a $20,940 denial. The letter and the campaign ask at most what the corrected line can be
     * paid: its charge basis ($15,380) when the run carries no priced value, the run's priced value when it does, and
     * two findings on one corrected line share it.
     */
    @Test
    void noLetterOrCampaignAsksMoreThanTheCorrectedLineCanBePaid() throws Exception {
        String unpriced = drugClaim(null);
        JsonNode a = JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + campaign(unpriced) + "/claims/" + unpriced)
                .then().statusCode(200).extract().asString());
        assertEquals(0, new BigDecimal("15380.00").compareTo(a.get("claimed").decimalValue()), a.toString());
        assertEquals(0, new BigDecimal("15380.00").compareTo(a.get("denial").decimalValue()), a.toString());
        assertEquals(0, a.get("underpayment").decimalValue().signum(), "the second finding finds the line's value used up");
        String text = letterText(unpriced);
        assertTrue(text.contains("$15,380.00 requested"), text);
        assertFalse(text.contains("20,940") || text.contains("21,440"), "never the uncapped amount\n" + text);

        String priced = drugClaim(new BigDecimal("14000.00"));
        JsonNode b = JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + campaign(priced) + "/claims/" + priced)
                .then().statusCode(200).extract().asString());
        assertEquals(0, new BigDecimal("14000.00").compareTo(b.get("claimed").decimalValue()), b.toString());
        String pricedText = letterText(priced);
        assertTrue(pricedText.contains("$14,000.00 requested"), pricedText);
        assertFalse(pricedText.contains("20,940"), pricedText);
    }

    String letterText(String claimId) throws Exception {
        long id = JSON.readTree(Fixtures.auditor().get("/api/campaigns").then().statusCode(200).extract().asString())
                .findParents("name").stream().filter(n -> n.get("name").asText().equals("route " + claimId)).findFirst()
                .orElseThrow().get("id").asLong();
        return pdfText(Fixtures.auditor().get("/api/campaigns/" + id + "/claims/" + claimId + "/letter.pdf").then().statusCode(200)
                .extract().asByteArray());
    }

    /** J9271 x400 billed at $15,380.00; a $20,940 denial and a $500 underpayment on the same corrected line. */
    String drugClaim(BigDecimal expectedValue) throws Exception {
        String id = claim("CAPPAYER", "DENIAL", LocalDate.now().minusDays(10), "PROFESSIONAL", null, null);
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE encounters SET billed_lines_json = '[{"lineNumber":1,"procedureCode":"J9271","modifiers":["JZ"],"units":400,"chargeAmount":15380.00,"allowedAmount":0,"paidAmount":0,"adjustmentReasonCodes":["CO-50"],"remarkCodes":[]}]',
                      expected_lines_json = '[{"procedureCode":"J9271","units":400,"modifiers":["JZ"]}]' WHERE claim_id = ?""")) {
                ps.setString(1, id);
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE findings SET kind = 'DRUG_UNITS', billed_code = 'J9271', expected_code = 'J9271', billed_units = 400,
                      expected_units = 400, amount = 20940.00, expected_value = ? WHERE claim_id = ?""")) {
                ps.setBigDecimal(1, expectedValue);
                ps.setString(2, id);
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO findings (run_pk, claim_id, finding_index, line_number, patient_id, date_of_service, service_month, payer_id,
                      payer_name, billing_npi, rendering_npi, provider_name, place_of_service, kind, rule_id, billed_code, expected_code,
                      billed_units, expected_units, direction, amount, explanation, citations, appeal_text, expected_value)
                    SELECT run_pk, claim_id, 1, 1, patient_id, date_of_service, service_month, payer_id, payer_name, billing_npi,
                      rendering_npi, provider_name, place_of_service, 'MISSING_MODIFIER', 'R-TEST2', 'J9271', 'J9271', 400, 400,
                      'UNDERPAYMENT', 500.00, 'modifier', citations, appeal_text, expected_value FROM findings WHERE claim_id = ?""")) {
                ps.setString(1, id);
                assertEquals(1, ps.executeUpdate());
            }
        }
        return id;
    }
}
