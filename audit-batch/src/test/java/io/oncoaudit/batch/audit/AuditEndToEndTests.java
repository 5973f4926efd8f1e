package io.oncoaudit.batch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.output.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditEndToEndTests {
    @TempDir
    Path tmp;

    @Test
    void auditsASmallExtractAndPublishesEveryOutput() {
        List<String> lines = new ArrayList<>(Extracts.fulvestrantLines("C-1"));
        lines.addAll(Extracts.fulvestrantLines("C-2"));
        Path claims = Extracts.write(tmp.resolve("claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Path admins = Extracts.write(tmp.resolve("administrations.csv"), Extracts.ADMIN_HEADER,
                List.of(Extracts.fulvestrantAdmin("C-1"), Extracts.fulvestrantAdmin("C-2")));
        Path out = tmp.resolve("run");

        Summary s = Extracts.audit(claims, admins, out);

        assertEquals(4, s.inputLines());
        assertEquals(2, s.inputAdministrations());
        assertEquals(2, s.encounters());
        assertEquals(0, s.rejectedRows());
        assertTrue(Files.exists(out.resolve("summary.json")));
        assertTrue(Files.exists(out.resolve("manifest.json")));
        assertTrue(Files.exists(out.resolve("rejects.csv")));
        List<Row> findings = SharedSpark.get().read().parquet(out.resolve("findings").toString()).collectAsList();
        assertTrue(Extracts.read(out.resolve("summary.json")).contains("\"kind\":\"DOWNCODED_TO_96372\",\"findings\":2"));
        assertEquals(s.total().findings(), findings.size());
    }

    @Test
    void payerPoliciesOverrideTheBuiltInPayerTable() {
        // fulvestrant billed correctly as 96402 but without JZ: Medicare requires JW/JZ (payers.csv)
        List<String> lines = List.of(
                "W-1,1,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96402,,1,,C50.911,60.00,,,,",
                "W-1,2,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,J9395,,20,,C50.911,2400.00,,,,");
        Path claims = Extracts.write(tmp.resolve("w/claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Path admins = Extracts.write(tmp.resolve("w/administrations.csv"), Extracts.ADMIN_HEADER,
                List.of(Extracts.fulvestrantAdmin("W-1")));
        Summary builtIn = Extracts.audit(claims, admins, tmp.resolve("run-builtin"));
        assertTrue(Extracts.read(tmp.resolve("run-builtin/summary.json")).contains("\"kind\":\"WASTE_MODIFIER\""));
        assertEquals(1, builtIn.total().findings());

        Path policies = Extracts.writeRaw(tmp.resolve("payers.csv"),
                "payer_id,name,type,biologics_noncancer_therapeutic,jwjz_required_from,owner,reason\n"
                        + "MEDICARE,Medicare Part B,MEDICARE,false,,test,no JW/JZ requirement in this test\n");
        Summary overridden = Extracts.audit(new AuditOptions(claims, admins, tmp.resolve("run-policies"), null, policies, null));
        assertEquals(0, overridden.total().findings());
        assertTrue(Extracts.read(tmp.resolve("run-policies/manifest.json")).contains("\"payerPolicies\""));
    }

    @Test
    void encountersCarryTheCodesInTheirCanonicalSpelling() {
        // the same claim as an extract with lower-case codes would spell it: results must compare as J9395 = J9395
        List<String> lines = List.of(
                "L-1,1,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96372,,1,,c50.911,60.00,,,,",
                "L-1,2,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,j9395,jz,20,,c50.911,2400.00,,,,");
        Path claims = Extracts.write(tmp.resolve("l/claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Path admins = Extracts.write(tmp.resolve("l/administrations.csv"), Extracts.ADMIN_HEADER,
                List.of("L-1,A1,j9395,fulvestrant,500,mg,IM,,,,,"));
        Summary s = Extracts.audit(claims, admins, tmp.resolve("run-lower"));
        assertEquals(1, s.total().findings()); // only the downcoded injection, no code mismatch from the spelling
        Row e = SharedSpark.get().read().parquet(tmp.resolve("run-lower/encounters").toString()).first();
        String billed = e.getAs("billed_lines_json");
        assertTrue(billed.contains("\"J9395\"") && billed.contains("\"JZ\"") && !billed.contains("j9395"), billed);
        assertTrue(e.<String>getAs("administrations_json").contains("\"J9395\""), e.<String>getAs("administrations_json"));
        assertEquals("[\"C50.911\"]", e.getAs("diagnosis_codes"));
    }
}
