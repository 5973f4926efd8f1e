package io.oncoaudit.batch.generate;

import static io.oncoaudit.batch.generate.GenerateScoreTests.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.audit.AuditOptions;
import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.Summary;
import io.oncoaudit.batch.score.ScoreCommand;
import io.oncoaudit.batch.x12.X12Claims;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate --format x12: the 837P gives the CSV's audit; the 835 reconciles with its truth; score matches denials. */
class GenerateX12Tests {
    @TempDir
    Path tmp;

    @Test
    void generated837And835ReconcileWithTheCsvAndTheTruth() throws IOException {
        SharedSpark.get();
        Path data = tmp.resolve("extract");
        cli("generate", "--encounters", "250", "--out", data.toString(), "--seed", "5", "--error-rate", "0.4",
                "--part-size", "100", "--format", "x12");
        assertTrue(Files.exists(data.resolve("claims-x12/part-00002.837")));
        assertTrue(Files.exists(data.resolve("remits/part-00002.835")));

        Summary csv = Extracts.audit(data.resolve("claim_lines"), data.resolve("administrations"), tmp.resolve("run-csv"));
        Summary x12 = Extracts.audit(new AuditOptions(data.resolve("claims-x12"), data.resolve("administrations"),
                tmp.resolve("run-x12"), null, null, null).withRemits(data.resolve("remits")));
        assertEquals(250, csv.encounters());
        assertEquals(0, x12.rejectedRows(), Extracts.read(tmp.resolve("run-x12/rejects.csv")));
        assertEquals(csv.toJson(), x12.withX12Claims(null).withRemits(null).toJson(), "the 837 audit equals the CSV audit");

        // the 835 against the generator's truth of what the payer did
        List<String> truth = Files.readAllLines(data.resolve("remits-truth.csv"));
        long denied = truth.stream().filter(l -> l.contains(",DENIED,")).count();
        long underpaid = truth.stream().filter(l -> l.contains(",UNDERPAID,")).count();
        assertEquals(250, x12.remits().claims());
        assertEquals(250, x12.remits().claimsMatched());
        assertEquals(truth.size() - 1, x12.remits().linesMatched());
        assertEquals(0, x12.remits().linesUnmatched());
        assertTrue(denied > 20 && underpaid > 0, denied + " denied, " + underpaid + " underpaid");
        assertEquals(denied, x12.remits().deniedLines());
        assertEquals(underpaid, x12.remits().paidBelowExpectedLines());
        List<String> statuses = new ArrayList<>();
        for (Row r : SharedSpark.get().read().parquet(tmp.resolve("run-x12/remits/lines").toString())
                .filter("remit_status IN ('DENIED', 'UNDERPAID')").orderBy("claim_id", "line_number").collectAsList()) {
            statuses.add(r.<String>getAs("claim_id") + "," + r.getAs("line_number") + "," + r.<String>getAs("remit_status"));
        }
        List<String> expected = new ArrayList<>();
        for (String l : truth.subList(1, truth.size())) {
            String[] c = l.split(",", -1);
            if (c[3].equals("DENIED") || c[3].equals("UNDERPAID")) expected.add(c[0] + "," + c[1] + "," + c[3]);
        }
        assertEquals(expected, statuses);

        theInstitutionalClaimsGoOutAs837IAndComeBackAsTheCsv(data);

        ScoreCommand.Score score = ScoreCommand.score(SharedSpark.get(), tmp.resolve("run-x12"), data.resolve("truth.csv"));
        assertEquals(denied, score.denialLines().denied());
        assertTrue(score.denialClaims().recall() > 0.5, score.toJson());
        assertTrue(score.toJson().contains("\"denials\": {\"claims\": {"), score.toJson());
    }

    /**
     * POS 22 visits are the hospital's institutional claims: written as 837I (part-NNNNN-i.837, 005010X223A2, SV2),
     * read back INSTITUTIONAL with type of bill 131, POS 22 and their revenue codes; every 837 line, professional
     * and institutional, carries the generator CSV's columns (diagnosis codes without their dots, as HI sends them).
     */
    private void theInstitutionalClaimsGoOutAs837IAndComeBackAsTheCsv(Path data) throws IOException {
        String i837 = Files.readString(data.resolve("claims-x12/part-00000-i.837"));
        assertTrue(i837.contains("~\nST*837*0001*005010X223A2~\n") && i837.contains("~\nSV2*0636*HC:J"), i837.substring(0, 400));
        assertFalse(Files.readString(data.resolve("claims-x12/part-00000.837")).contains("SV2*"));

        X12Claims.Converted back = X12Claims.convert(data.resolve("claims-x12"), tmp.resolve("converted"));
        assertEquals(List.of(), back.rejects());
        assertEquals(250, back.claims());
        SparkSession spark = SharedSpark.get();
        Dataset<Row> generated = spark.read().option("header", "true").csv(data.resolve("claim_lines").toString());
        Dataset<Row> read = spark.read().option("header", "true").csv(back.csv().toString());
        // the generator CSV also carries member_id, patient_name and payer_claim_number (letters only), which the 837s carry
        // in their own way (subscriber NM109, CLP07 of the 835): the claim columns up to revenue_code are compared
        assertEquals(Table.CLAIM_LINES.names().subList(0, ExtractWriter.LINE_COLUMNS), List.of(generated.columns()));
        List<String> names = Table.CLAIM_LINES.names().subList(0, 23);
        Column[] columns = names.stream().map(c -> c.equals("diagnosis_codes")
                ? functions.regexp_replace(functions.col(c), "\\.", "").as(c) : functions.col(c)).toArray(Column[]::new);
        assertEquals(generated.count(), read.count());
        assertEquals(back.lines(), read.count());
        List<Row> differ = generated.select(columns).exceptAll(read.select(columns)).limit(5).collectAsList();
        assertEquals(List.of(), differ, "generated CSV lines the 837s do not give back");

        long institutional = read.filter("claim_type = 'INSTITUTIONAL'").count();
        long institutionalClaims = read.filter("claim_type = 'INSTITUTIONAL'").select("claim_id").distinct().count();
        assertTrue(institutionalClaims > 5, institutionalClaims + " institutional claims");
        assertEquals(generated.filter("claim_type = 'INSTITUTIONAL'").count(), institutional);
        assertEquals(institutional, read.filter("claim_type = 'INSTITUTIONAL' AND bill_type = '131' AND place_of_service = '22' "
                + "AND revenue_code IN ('0260', '0335', '0636') AND x12_file LIKE '%-i.837'").count());
        assertEquals(0, read.filter("claim_type = 'PROFESSIONAL' AND (bill_type IS NOT NULL OR revenue_code IS NOT NULL "
                + "OR x12_file LIKE '%-i.837')").count());
    }
}
