package io.oncoaudit.batch.generate;

import static io.oncoaudit.batch.generate.GenerateScoreTests.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.audit.AuditOptions;
import io.oncoaudit.batch.output.Summary;
import io.oncoaudit.batch.score.ScoreCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
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

        ScoreCommand.Score score = ScoreCommand.score(SharedSpark.get(), tmp.resolve("run-x12"), data.resolve("truth.csv"));
        assertEquals(denied, score.denialLines().denied());
        assertTrue(score.denialClaims().recall() > 0.5, score.toJson());
        assertTrue(score.toJson().contains("\"denials\": {\"claims\": {"), score.toJson());
    }
}
