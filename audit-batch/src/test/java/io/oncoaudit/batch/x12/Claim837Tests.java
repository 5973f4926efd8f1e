package io.oncoaudit.batch.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.audit.AuditOptions;
import io.oncoaudit.batch.output.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 837P / 837I as --claims (contract section 11): the shipped samples, bad input, and the same audit as the CSV. */
class Claim837Tests {
    @TempDir
    Path tmp;

    private List<String> csvLines(X12Claims.Converted c) throws IOException {
        return Files.readAllLines(c.csv());
    }

    @Test
    void theShippedProfessionalSampleMapsPerContractSection11() throws IOException {
        Path f = Files.copy(X12Samples.dir().resolve("837P-imsweb-valid.txt"), tmp.resolve("claims.dat"));
        assertTrue(X12Claims.isX12(f));
        X12Claims.Converted c = X12Claims.convert(f, tmp.resolve("work"));
        assertEquals(1, c.transactions());
        assertEquals(2, c.claims());
        assertEquals(2, c.lines());
        List<String> rows = csvLines(c);
        assertTrue(rows.get(0).startsWith("claim_id,line_number,patient_id,date_of_service,billing_npi"), rows.get(0));
        // claim_id, line, patient = subscriber NM109, DTP*472 (RD8: from-date), 2010AA NPI and name, 2010BB payer,
        // POS = CLM05-1, SV1 code / modifier / units / charge, HI codes
        assertEquals("A37YH556,1,123456,2005-03-14,1234567890,,MEDICAL GROUP,11122333,HEALTH INSURANCE COMPANY,11,"
                + "99211,25,1,,8901|87200|5559,12.25,,,,,PROFESSIONAL,,,123456,\"DOE, JOHN\",,", rows.get(1).substring(0,
                rows.get(1).lastIndexOf(',', rows.get(1).lastIndexOf(',') - 1) + 1));
        assertTrue(rows.get(2).startsWith("A37YH667,2,123456,2005-03-22,"), rows.get(2));
        // the sample's SE says 25 segments for 34: a real count mismatch, rejected at its position; the claims stand
        assertEquals(1, c.rejects().size(), c.rejects().toString());
        assertEquals(36, c.rejects().get(0).position());
    }

    @Test
    void theShippedInstitutionalSampleHasClaimTypeBillTypeAndRevenueCode() throws IOException {
        X12Claims.Converted c = X12Claims.convert(X12Samples.dir().resolve("837I-imsweb-x223.txt"), tmp.resolve("work"));
        assertEquals(1, c.claims());
        String row = csvLines(c).get(1);
        assertTrue(row.startsWith("A37YH556,1,123456,2005-03-14,1234567890,,MEDICAL GROUP,11122333,"), row);
        assertTrue(row.contains(",81099,,1,,1739,73.42,,,,,INSTITUTIONAL,111,0300,"), row);
        // an 837I has no place of service: facility type 11 (hospital inpatient) is POS 21
        assertTrue(row.contains(",HEALTH INSURANCE COMPANY,21,81099,"), row);
    }

    @Test
    void anInstitutionalClaimsPlaceOfServiceIsTheOneOfItsFacilityType() {
        assertEquals("22", Claim837Reader.institutionalPlace("13", List.of(Map.of("modifiers", "JZ"))));
        assertEquals("19", Claim837Reader.institutionalPlace("13", List.of(Map.of("modifiers", ""), Map.of("modifiers", "JZ|PO"))));
        assertEquals("19", Claim837Reader.institutionalPlace("13", List.of(Map.of("modifiers", "PN"))));
        assertEquals("21", Claim837Reader.institutionalPlace("12", List.of()));
        assertEquals("24", Claim837Reader.institutionalPlace("83", List.of()));
        assertEquals("72", Claim837Reader.institutionalPlace("72", List.of()));
    }

    @Test
    void theComplexSampleReadsEveryClaimAndTheMalformedOneLandsInRejects() throws IOException {
        X12Claims.Converted complex = X12Claims.convert(X12Samples.dir().resolve("837P-imsweb-complex.txt"), tmp.resolve("w1"));
        assertTrue(complex.claims() >= 2, complex.toJson());
        assertEquals(complex.lines(), csvLines(complex).size() - 1);

        X12Claims.Converted bad = X12Claims.convert(X12Samples.dir().resolve("837P-imsweb-bad-segment.txt"), tmp.resolve("w2"));
        assertEquals(0, bad.claims());
        assertEquals(1, csvLines(bad).size()); // the header only
        RemitRecord.Reject r = bad.rejects().get(bad.rejects().size() - 1);
        assertEquals(6, r.position());
        assertTrue(r.reason().contains("unreadable segment after NM1 at position 5"), r.reason());
    }

    /** The fulvestrant claims of {@link Extracts}, written as one 837P. */
    static String fulvestrant837(String... claimIds) {
        StringBuilder t = new StringBuilder();
        List<String> segs = new ArrayList<>();
        segs.add("ST*837*0001*005010X222A1");
        segs.add("BHT*0019*00*1*20260401*1200*CH");
        segs.add("NM1*41*2*OAK ONCOLOGY*****46*S1");
        segs.add("NM1*40*2*MEDICARE*****46*R1");
        segs.add("HL*1**20*1");
        segs.add("NM1*85*2*Oak Oncology*****XX*1234567893");
        segs.add("HL*2*1*22*0");
        segs.add("SBR*P*18*******MB");
        segs.add("NM1*IL*1*DOE*JANE****MI*P-1");
        segs.add("NM1*PR*2*Medicare Part B*****PI*MEDICARE");
        for (String id : claimIds) {
            segs.add("CLM*" + id + "*2460***11:B:1*Y*A*Y*Y");
            segs.add("HI*ABK:C50911");
            segs.add("LX*1");
            segs.add("SV1*HC:96372*60*UN*1***1");
            segs.add("DTP*472*D8*20260302");
            segs.add("LX*2");
            segs.add("SV1*HC:J9395:JZ*2400*UN*20***1");
            segs.add("DTP*472*D8*20260302");
        }
        segs.add("SE*" + (segs.size() + 1) + "*0001");
        for (String s : segs) t.append(s).append("~\n");
        return "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260401*1200*^*00501*000000001*0*P*:~\n"
                + "GS*HC*SUBMITTER*RECEIVER*20260401*1200*1*X*005010X222A1~\n" + t + "GE*1*1~\nIEA*1*000000001~\n";
    }

    @Test
    void an837AuditEqualsTheCsvAuditOfTheSameClaims() {
        List<String> lines = new ArrayList<>(Extracts.fulvestrantLines("C-1"));
        lines.addAll(Extracts.fulvestrantLines("C-2"));
        Path csv = Extracts.write(tmp.resolve("csv/claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Path x12 = Extracts.writeRaw(tmp.resolve("x12/claims.edi"), fulvestrant837("C-1", "C-2"));
        Path admins = Extracts.write(tmp.resolve("administrations.csv"), Extracts.ADMIN_HEADER,
                List.of(Extracts.fulvestrantAdmin("C-1"), Extracts.fulvestrantAdmin("C-2")));

        Summary a = Extracts.audit(csv, admins, tmp.resolve("run-csv"));
        Summary b = Extracts.audit(new AuditOptions(x12.getParent(), admins, tmp.resolve("run-x12"), null, null, null));

        assertEquals(4, b.inputLines());
        assertEquals(2, b.encounters());
        assertEquals(0, b.rejectedRows());
        assertEquals(2, a.total().findings());
        assertEquals(a.toJson(), b.withX12Claims(null).toJson());
        assertEquals(findings(tmp.resolve("run-csv")), findings(tmp.resolve("run-x12")));
        assertTrue(Extracts.read(tmp.resolve("run-x12/summary.json")).contains("\"x12Claims\": {\"files\":1,\"transactions\":1,\"claims\":2,\"lines\":4,"));
        try (var entries = Files.list(tmp.resolve("run-x12"))) {
            assertEquals(List.of(), entries.filter(p -> p.getFileName().toString().startsWith(".x12-claims")).toList(),
                    "the converted copy is removed");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> findings(Path run) {
        Dataset<Row> f = SharedSpark.get().read().parquet(run.resolve("findings").toString()).drop("run_id");
        List<String> out = new ArrayList<>();
        for (Row r : f.orderBy("claim_id", "finding_index").collectAsList()) out.add(r.toString());
        return out;
    }
}
