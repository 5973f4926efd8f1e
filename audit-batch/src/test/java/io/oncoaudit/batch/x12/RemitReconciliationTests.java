package io.oncoaudit.batch.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.audit.AuditOptions;
import io.oncoaudit.batch.output.Summary;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A held-out extract with its 835 against figures computed by hand (contract section 11). Fee schedule: 96413
 * 150.00, 96415 30.00, J9312 80.00, 96372 15.00, J1100 0.12, 96375 25.00 per unit (any payer, any setting).
 */
class RemitReconciliationTests {
    @TempDir
    Path tmp;

    static final String FEES = "payer_id,procedure_code,setting,allowed_amount,effective_from,effective_to\n"
            + "*,96413,*,150.00,,\n*,96415,*,30.00,,\n*,J9312,*,80.00,,\n*,96372,*,15.00,,\n*,J1100,*,0.12,,\n"
            + "*,96375,*,25.00,,\n";

    static final List<String> LINES = List.of(
            "R-1,1,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96413,,1,,C83.30,400.00,,,,",
            "R-1,2,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96415,,2,,C83.30,200.00,,,,",
            "R-1,3,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,J9312,,50,,C83.30,5000.00,,,,",
            "R-2,1,P-2,2026-03-03,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96372,,1,,C50.911,15.00,,,,",
            "R-2,2,P-2,2026-03-03,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,J1100,,10,,C50.911,20.00,,,,",
            "R-3,1,P-3,2026-03-04,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96413,,1,,C83.30,400.00,,,,",
            "R-4,1,P-4,2026-03-05,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96372,,1,,C50.911,50.00,,,,");

    static final String REMIT = String.join("~",
            // R-1: paid in full (CO-45 contractual), underpaid (AMT*B6 50 < 2 x 30), rejected as unprocessable
            "CLP*R-1*1*5600*190*10*MB*ICN1", "DTM*232*20260302",
            "SVC*HC:96413*400*150**1", "DTM*472*20260302", "CAS*CO*45*250", "AMT*B6*150",
            "SVC*HC:96415*200*40**2", "DTM*472*20260302", "CAS*CO*45*150", "CAS*PR*2*10", "AMT*B6*50",
            "SVC*HC:J9312*5000*0**50", "DTM*472*20260302", "CAS*CO*16*5000", "LQ*HE*MA130",
            // R-2: PR only (not a denial); allowed without AMT = paid + PR + CARC 253 = 1.02 < 10 x 0.12; a line not billed
            "CLP*R-2*1*65*0.8*15.2*MB*ICN2",
            "SVC*HC:96372*15*0**1", "DTM*472*20260303", "CAS*PR*1*15",
            "SVC*HC:J1100*20*0.8**10", "DTM*472*20260303", "CAS*PR*2*0.2", "CAS*CO*253*0.02*1*45*18.98",
            "SVC*HC:96375*30*0**1", "DTM*472*20260303", "CAS*CO*97*30",
            // R-3: denied claim, date from the claim (DTM*232)
            "CLP*R-3*4*400*0*0*MB*ICN3", "DTM*232*20260304", "SVC*HC:96413*400*0**1", "CAS*OA*18*400",
            // R-4: paid 15, reversed, corrected to 12 (AMT*B6 12 < 15)
            "CLP*R-4*1*50*15*0*MB*ICN4A", "SVC*HC:96372*50*15**1", "DTM*472*20260305", "CAS*CO*45*35",
            "CLP*R-4*22*-50*-15*0*MB*ICN4A", "SVC*HC:96372*-50*-15**1", "DTM*472*20260305", "CAS*CO*45*-35",
            "CLP*R-4*1*50*12*0*MB*ICN4B", "SVC*HC:96372*50*12**1", "DTM*472*20260305", "CAS*CO*45*38", "AMT*B6*12",
            // X-9: a claim that is not in the extract
            "CLP*X-9*1*100*80*0*MB*ICN9", "SVC*HC:99213*100*80**1", "DTM*472*20260306", "CAS*CO*45*20");

    @Test
    void theRemitsBlockHasTheHandComputedFigures() throws IOException {
        Path claims = Extracts.write(tmp.resolve("in/claim_lines.csv"), Extracts.LINES_HEADER, LINES);
        Path fees = Extracts.writeRaw(tmp.resolve("in/fees.csv"), FEES);
        Path remits = Extracts.writeRaw(tmp.resolve("remits/medicare.835"), X12Samples.envelope835(REMIT));
        Path out = tmp.resolve("run");
        Summary s = Extracts.audit(new AuditOptions(claims, null, out, fees, null, null).withRemits(remits.getParent()));

        RemitSummary r = s.remits();
        assertEquals(1, r.files());
        assertEquals(1, r.transactions());
        assertEquals(5, r.claims());
        assertEquals(4, r.claimsMatched());
        assertEquals(1, r.claimsUnmatched());
        assertEquals(7, r.linesMatched());
        assertEquals(2, r.linesUnmatched());
        assertEquals(3, r.deniedLines());
        assertEquals(new BigDecimal("4175.00"), r.deniedAmount()); // 50 x 80 + 25 + 150
        assertEquals(3, r.paidBelowExpectedLines());
        assertEquals(new BigDecimal("13.18"), r.paidBelowExpectedAmount()); // 10 + 0.18 + 3
        Map<String, String> carcs = new TreeMap<>();
        for (RemitSummary.Carc c : r.byCarc()) carcs.put(c.group() + "-" + c.carc(), c.lines() + ":" + c.amount());
        assertEquals(Map.of("CO-16", "1:5000.00", "CO-253", "1:0.02", "CO-45", "5:476.98", "CO-97", "1:30.00",
                "OA-18", "1:400.00", "PR-1", "1:15.00", "PR-2", "2:10.20"), carcs);
        assertEquals(0, s.rejectedRows());

        String json = Extracts.read(out.resolve("summary.json"));
        assertTrue(json.contains("\"remits\": {"), json);
        assertTrue(json.contains("\"denied\": {\"lines\":3,\"amount\":4175.00}") || json.contains("\"denied\": {\"lines\": 3"), json);

        // every remittance line is written; the unmatched ones also to remits/unmatched
        List<Row> lines = SharedSpark.get().read().parquet(out.resolve("remits/lines").toString()).collectAsList();
        assertEquals(9, lines.size());
        Map<String, String> status = new TreeMap<>();
        for (Row l : lines) {
            status.put(l.<String>getAs("claim_id") + "/" + l.<String>getAs("procedure_code"),
                    l.<String>getAs("remit_status") + (l.getAs("line_number") == null ? "" : "#" + l.getAs("line_number")));
        }
        assertEquals(Map.of("R-1/96413", "PAID#1", "R-1/96415", "UNDERPAID#2", "R-1/J9312", "REJECTED#3",
                "R-2/96372", "ZERO_PAY#1", "R-2/J1100", "UNDERPAID#2", "R-2/96375", "DENIED", "R-3/96413", "DENIED#1",
                "R-4/96372", "UNDERPAID#1", "X-9/99213", "PAID"), status);
        List<String> unmatched = new ArrayList<>();
        for (Row u : SharedSpark.get().read().parquet(out.resolve("remits/unmatched").toString()).collectAsList()) {
            unmatched.add(u.<String>getAs("claim_id") + "/" + u.<String>getAs("procedure_code"));
        }
        unmatched.sort(null);
        assertEquals(List.of("R-2/96375", "X-9/99213"), unmatched);
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"table\":\"remits\""));
    }

    @Test
    void unreadableSegmentsGoToRejectsAndCountInRejectedRows() throws IOException {
        Path claims = Extracts.write(tmp.resolve("in/claim_lines.csv"), Extracts.LINES_HEADER, LINES);
        Path dir = Files.createDirectories(tmp.resolve("remits"));
        Files.copy(X12Samples.dir().resolve("835-pyx12-mult-loops.txt"), dir.resolve("a.835"));
        Files.copy(X12Samples.dir().resolve("837P-imsweb-bad-segment.txt"), dir.resolve("b.x12"));
        Path out = tmp.resolve("run");
        Summary s = Extracts.audit(new AuditOptions(claims, null, out, null, null, null).withRemits(dir));
        assertEquals(2, s.remits().files());
        assertEquals(1, s.remits().claims());
        assertEquals(0, s.remits().claimsMatched());
        assertEquals(3, s.remits().linesUnmatched());
        assertEquals(3, s.remits().deniedLines()); // CO-16 and OA-A7 with nothing paid; unmatched: valued 0
        assertEquals(s.remits().rejectedSegments(), s.rejectedRows());
        assertTrue(s.rejectedRows() >= 1);
        String csv = Files.readString(out.resolve("rejects.csv"));
        assertTrue(csv.contains("remits,6,,segment,unreadable segment after NM1 at position 5"), csv);
        assertTrue(csv.contains("b.x12"), csv);
    }

    @Test
    void findingsCarryWhatTheRemittanceSaysAboutTheirLine() {
        List<String> lines = new ArrayList<>(Extracts.fulvestrantLines("C-1"));
        lines.addAll(Extracts.fulvestrantLines("C-2"));
        Path claims = Extracts.write(tmp.resolve("f/claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Path admins = Extracts.write(tmp.resolve("f/administrations.csv"), Extracts.ADMIN_HEADER,
                List.of(Extracts.fulvestrantAdmin("C-1"), Extracts.fulvestrantAdmin("C-2")));
        // C-1's 96372 (the downcoded line: 96402 was due) denied CO-11 with N657; C-2 has no remittance
        Path remits = Extracts.writeRaw(tmp.resolve("f/remit.835"), X12Samples.envelope835(String.join("~",
                "CLP*C-1*1*2460*1900*0*MB*ICN-C1", "SVC*HC:96372*60*0**1", "DTM*472*20260302", "CAS*CO*11*60",
                "LQ*HE*N657", "SVC*HC:J9395:JZ*2400*1900**20", "DTM*472*20260302", "CAS*CO*45*500")));
        Path out = tmp.resolve("run-f");
        Summary s = Extracts.audit(new AuditOptions(claims, admins, out, null, null, null).withRemits(remits));
        assertEquals(2, s.total().findings());
        Map<String, String> seen = new TreeMap<>();
        for (Row f : SharedSpark.get().read().parquet(out.resolve("findings").toString()).collectAsList()) {
            seen.put(f.<String>getAs("claim_id") + "/" + f.<String>getAs("kind"), f.getAs("remit_status") + " "
                    + f.getAs("remit_paid") + " " + f.getAs("remit_carc") + " " + f.getAs("remit_rarc") + " "
                    + f.getAs("remit_claim_status") + " " + f.getAs("remit_payer_claim_number"));
        }
        assertEquals(Map.of("C-1/DOWNCODED_TO_96372", "DENIED 0.00 CO-11 N657 PROCESSED_PRIMARY ICN-C1",
                "C-2/DOWNCODED_TO_96372", "null null null null null null"), seen);
        assertEquals(1, s.remits().deniedLines());
        assertEquals(2, s.remits().linesMatched());
    }
}
