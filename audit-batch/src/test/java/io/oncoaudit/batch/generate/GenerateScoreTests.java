package io.oncoaudit.batch.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.BatchCli;
import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.output.Summary;
import io.oncoaudit.batch.score.ScoreCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate -> audit -> score on a few thousand encounters (issue 4, sections 3 and 5). */
class GenerateScoreTests {
    @TempDir
    Path tmp;

    static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = BatchCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyInjectedKindIsFoundWithPrecisionAndRecallOne() {
        SharedSpark.get();
        Path data = tmp.resolve("extract");
        String gen = cli("generate", "--encounters", "2000", "--out", data.toString(), "--seed", "11", "--error-rate", "0.4",
                "--part-size", "700");
        assertTrue(gen.contains("\"encounters\": 2000"), gen);
        assertEquals(3, Files.exists(data.resolve("claim_lines/part-00002.csv")) ? 3 : 0, "three parts of at most 700 encounters");

        Summary s = Extracts.audit(data.resolve("claim_lines"), data.resolve("administrations"), tmp.resolve("run"));
        assertEquals(0, s.rejectedRows(), Extracts.read(tmp.resolve("run/rejects.csv")));
        assertEquals(2000, s.encounters());

        ScoreCommand.Score score = ScoreCommand.score(SharedSpark.get(), tmp.resolve("run"), data.resolve("truth.csv"));
        assertEquals(2000, score.claims());
        assertEquals(0, score.claimsNotAudited());
        Set<String> injectable = VisitFactory.INJECTABLE.keySet().stream().map(Enum::name).collect(Collectors.toSet());
        assertEquals(injectable, score.kinds().stream().map(ScoreCommand.KindScore::kind).collect(Collectors.toSet()),
                "found kinds = injected kinds: " + score.toJson());
        for (ScoreCommand.KindScore k : score.kinds()) {
            assertTrue(k.truePositives() >= 20, k + " is sampled enough");
            assertEquals(1.0, k.precision(), k.toString());
            assertEquals(1.0, k.recall(), k.toString());
        }
    }

    @Test
    void generatedCsvAndParquetAuditToTheSameSummary() {
        SharedSpark.get();
        Path csv = tmp.resolve("csv");
        Path pq = tmp.resolve("parquet");
        cli("generate", "--encounters", "300", "--out", csv.toString(), "--seed", "5", "--error-rate", "0.2");
        cli("generate", "--encounters", "300", "--out", pq.toString(), "--seed", "5", "--error-rate", "0.2", "--format", "parquet");
        assertEquals(Extracts.read(csv.resolve("truth.csv")), Extracts.read(pq.resolve("truth.csv")));
        assertTrue(Files.exists(pq.resolve("claim_lines")) && !Files.exists(pq.resolve(".generate-csv")));
        Extracts.audit(csv.resolve("claim_lines"), csv.resolve("administrations"), tmp.resolve("run-csv"));
        Extracts.audit(pq.resolve("claim_lines"), pq.resolve("administrations"), tmp.resolve("run-pq"));
        assertEquals(Extracts.read(tmp.resolve("run-csv/summary.json")), Extracts.read(tmp.resolve("run-pq/summary.json")));
        String scored = cli("score", "--run", tmp.resolve("run-pq").toString(), "--truth", pq.resolve("truth.csv").toString());
        assertTrue(scored.contains("\"claims\": 300"), scored);
        List<String> recalls = List.of(scored.split("\n")).stream().filter(l -> l.contains("\"recall\"")).toList();
        assertTrue(recalls.stream().allMatch(l -> l.contains("\"precision\":1.0000") && l.contains("\"recall\":1.0000")), scored);
    }
}
