package io.oncoaudit.batch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.output.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One extract holding one claim per kind of bad row (issue 4, section 5), audited once; each test
 * checks the reject's field and reason, and the counts reconcile exactly (contract section 7).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectsTests {
    @TempDir
    static Path tmp;
    Summary summary;
    List<Reject> rejects;
    List<Row> encounters;

    record Reject(String source, long rowNumber, String claimId, String field, String reason, String original) { }

    private static String line(String claim, String n, String dos, String code, String units, String payer, String npi) {
        return claim + "," + n + ",P-9," + dos + "," + npi + ",,Oak Oncology," + payer + ",,11," + code + ",," + units
                + ",,C50.911,100.00,,,,";
    }

    @BeforeAll
    void auditTheBadExtract() {
        List<String> lines = new ArrayList<>();
        // row 1-2: a good claim
        lines.addAll(Extracts.fulvestrantLines("OK-1"));
        // row 3-4: missing required field (procedure_code) on line 2; the claim is audited with line 1
        lines.add(line("MISS-1", "1", "2026-03-02", "96372", "1", "MEDICARE", "1234567893"));
        lines.add(line("MISS-1", "2", "2026-03-02", "", "20", "MEDICARE", "1234567893"));
        // row 5: bad date on the claim's only line: the claim cannot be audited
        lines.add(line("DATE-1", "1", "2026-13-45", "96372", "1", "MEDICARE", "1234567893"));
        // row 6-7: non-numeric units
        lines.add(line("UNITS-1", "1", "2026-03-02", "96372", "1", "MEDICARE", "1234567893"));
        lines.add(line("UNITS-1", "2", "2026-03-02", "J9395", "twenty", "MEDICARE", "1234567893"));
        // row 8: claim whose administration has an unknown route
        lines.add(line("ROUTE-1", "1", "2026-03-02", "96372", "1", "MEDICARE", "1234567893"));
        // row 9: claim whose administration ends before it starts
        lines.add(line("END-1", "1", "2026-03-02", "96413", "1", "MEDICARE", "1234567893"));
        // row 10-11: duplicate line number
        lines.add(line("DUP-1", "1", "2026-03-02", "96372", "1", "MEDICARE", "1234567893"));
        lines.add(line("DUP-1", "1", "2026-03-02", "96372", "1", "MEDICARE", "1234567893"));
        // row 12: blank claim id
        lines.add(line("", "1", "2026-03-02", "96372", "1", "MEDICARE", "1234567893"));
        // row 13-14: conflicting payer across the lines of one claim
        lines.add(line("CONFLICT-1", "1", "2026-03-02", "96372", "1", "MEDICARE", "1234567893"));
        lines.add(line("CONFLICT-1", "2", "2026-03-02", "J9395", "20", "UHC", "1234567893"));
        // row 15: the recoder rejects the encounter (NPI is not 10 digits)
        lines.add(line("NPI-1", "1", "2026-03-02", "96372", "1", "MEDICARE", "123"));
        // row 16: too few cells; row 17: an unquoted comma shifts the cells (one too many)
        lines.add("SHORT-1,1,P-9");
        lines.add("LONG-1,1,P-9,2026-03-02,1234567893,,Oak, Smith Oncology,MEDICARE,,11,96372,,1,,C50.911,100.00,,,,");
        Path claims = Extracts.write(tmp.resolve("in/claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Path admins = Extracts.write(tmp.resolve("in/administrations.csv"), Extracts.ADMIN_HEADER, List.of(
                Extracts.fulvestrantAdmin("OK-1"),                                     // row 1
                Extracts.fulvestrantAdmin("DATE-1"),                                   // row 2
                "ROUTE-1,A1,J9395,fulvestrant,500,mg,IVP,,,,,",                        // row 3
                "END-1,A1,J9267,paclitaxel,175,mg,IV,2026-03-02T10:00,2026-03-02T09:00,,,", // row 4
                ",A9,J9395,fulvestrant,500,mg,IM,,,,,",                                // row 5
                "ORPHAN-1,A1,J9395,fulvestrant,500,mg,IM,,,,,"));                      // row 6
        summary = Extracts.audit(claims, admins, tmp.resolve("run"));
        rejects = SharedSpark.get().read().parquet(tmp.resolve("run/rejects").toString()).collectAsList().stream()
                .map(r -> new Reject(r.getAs("source"), r.<Long>getAs("row_number"), r.getAs("claim_id"), r.getAs("field"),
                        r.getAs("reason"), r.getAs("original"))).toList();
        encounters = SharedSpark.get().read().parquet(tmp.resolve("run/encounters").toString()).collectAsList();
    }

    private Reject reject(String source, long row) {
        return rejects.stream().filter(r -> r.source().equals(source) && r.rowNumber() == row).findFirst()
                .orElseThrow(() -> new AssertionError("no reject for " + source + " row " + row + " in " + rejects));
    }

    private Row encounter(String claimId) {
        return encounters.stream().filter(r -> claimId.equals(r.getAs("claim_id"))).findFirst().orElse(null);
    }

    @Test
    void countsReconcileExactly() {
        assertEquals(17, summary.inputLines());
        assertEquals(6, summary.inputAdministrations());
        assertEquals(summary.inputLines(), summary.linesAudited() + summary.rejectedLineRows());
        assertEquals(summary.inputAdministrations(), summary.administrationsAudited() + summary.rejectedAdministrationRows());
        assertEquals(summary.rejectedRows(), rejects.size());
        long lineRejects = rejects.stream().filter(r -> r.source().equals("claim_lines")).count();
        assertEquals(summary.rejectedLineRows(), lineRejects);
        long audited = encounters.stream().mapToLong(r -> r.<Integer>getAs("line_count")).sum();
        assertEquals(summary.linesAudited(), audited);
        // OK-1, MISS-1 (one line), UNITS-1 (one line), DUP-1 (first line)
        assertEquals(List.of("DUP-1", "MISS-1", "OK-1", "UNITS-1"),
                encounters.stream().map(r -> r.<String>getAs("claim_id")).sorted().toList());
    }

    @Test
    void missingRequiredFieldRejectsTheLineAndAuditsTheRest() {
        Reject r = reject("claim_lines", 4);
        assertEquals("MISS-1", r.claimId());
        assertEquals("procedure_code", r.field());
        assertTrue(r.reason().contains("required"), r.reason());
        assertTrue(r.original().contains("\"units\":\"20\""), r.original());
        assertEquals(1, encounter("MISS-1").<Integer>getAs("line_count"));
    }

    @Test
    void badDateOnTheOnlyLineRejectsTheWholeClaim() {
        Reject r = reject("claim_lines", 5);
        assertEquals("date_of_service", r.field());
        assertTrue(r.reason().contains("2026-13-45"), r.reason());
        Reject admin = reject("administrations", 2);
        assertEquals("DATE-1", admin.claimId());
        assertEquals("claim_lines", admin.field());
        assertTrue(admin.reason().contains("no valid claim line"), admin.reason());
        assertEquals(null, encounter("DATE-1"));
    }

    @Test
    void nonNumericUnits() {
        Reject r = reject("claim_lines", 7);
        assertEquals("units", r.field());
        assertTrue(r.reason().contains("'twenty' is not a number"), r.reason());
    }

    @Test
    void unknownRouteRejectsTheAdministrationAndItsClaim() {
        Reject r = reject("administrations", 3);
        assertEquals("route", r.field());
        assertTrue(r.reason().contains("unknown route 'IVP'"), r.reason());
        Reject line = reject("claim_lines", 8);
        assertEquals("ROUTE-1", line.claimId());
        assertEquals("route", line.field());
        assertTrue(line.reason().contains("cannot be audited"), line.reason());
    }

    @Test
    void endBeforeStart() {
        Reject r = reject("administrations", 4);
        assertEquals("end_time", r.field());
        assertTrue(r.reason().contains("before start_time"), r.reason());
        assertEquals("END-1", reject("claim_lines", 9).claimId());
    }

    @Test
    void duplicateLineNumberKeepsTheFirstRow() {
        Reject r = reject("claim_lines", 11);
        assertEquals("DUP-1", r.claimId());
        assertEquals("line_number", r.field());
        assertTrue(r.reason().contains("duplicate line_number 1"), r.reason());
        assertFalse(rejects.stream().anyMatch(x -> x.source().equals("claim_lines") && x.rowNumber() == 10));
    }

    @Test
    void blankClaimId() {
        for (Reject r : List.of(reject("claim_lines", 12), reject("administrations", 5))) {
            assertEquals("claim_id", r.field());
            assertTrue(r.reason().contains("required"), r.reason());
        }
    }

    @Test
    void conflictingClaimLevelValuesRejectTheClaim() {
        for (long row : new long[] {13, 14}) {
            Reject r = reject("claim_lines", row);
            assertEquals("payer_id", r.field());
            assertTrue(r.reason().contains("MEDICARE vs UHC"), r.reason());
        }
    }

    @Test
    void recoderRejectionSendsTheClaimToRejectsWithItsField() {
        Reject r = reject("claim_lines", 15);
        assertEquals("NPI-1", r.claimId());
        assertEquals("billingNpi", r.field());
        assertTrue(r.reason().contains("10-digit"), r.reason());
    }

    @Test
    void administrationWithoutClaimLines() {
        Reject r = reject("administrations", 6);
        assertEquals("ORPHAN-1", r.claimId());
        assertEquals("claim_id", r.field());
    }

    @Test
    void recordsThatDoNotSplitIntoTheHeaderColumnsAreRejected() {
        Reject shortRow = reject("claim_lines", 16);
        assertEquals("SHORT-1", shortRow.claimId());
        Reject longRow = reject("claim_lines", 17);
        assertEquals("LONG-1", longRow.claimId());
        assertEquals("(record)", longRow.field(), longRow.reason());
        assertTrue(longRow.original().contains("Oak, Smith Oncology"), longRow.original());
    }

    @Test
    void rejectsCsvHoldsTheSameRows() {
        List<String> csv = Extracts.read(tmp.resolve("run/rejects.csv")).lines().toList();
        assertEquals("source,row_number,claim_id,field,reason,original,file", csv.get(0));
        // quoted multi-line-free cells: one physical line per reject
        assertEquals(rejects.size(), csv.size() - 1);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("claim_lines,7,UNITS-1,units,")), csv.toString());
        assertTrue(Files.exists(tmp.resolve("run/summary.json")));
    }

    @Test
    void summaryShowsRejectsAndFindings() {
        String json = Extracts.read(tmp.resolve("run/summary.json"));
        assertTrue(json.contains("\"rejectedRows\": " + rejects.size()), json);
        assertTrue(json.contains("\"inputLines\": 17"), json);
        assertEquals(rejects.stream().map(Reject::source).collect(Collectors.toSet()).size(), 2);
    }
}
