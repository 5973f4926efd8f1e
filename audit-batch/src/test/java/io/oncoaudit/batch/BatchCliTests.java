package io.oncoaudit.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the command line (contract section 3; team brief: errors name the file and field). */
class BatchCliTests {
    @TempDir
    Path tmp;

    record Result(int rc, String out, String err) { }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = BatchCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnText() {
        for (String command : java.util.List.of("audit", "generate", "score", "baseline")) {
            for (String flag : java.util.List.of("--help", "-h")) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
                int status = BatchCli.run(new String[] {command, flag}, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
                String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
                org.junit.jupiter.api.Assertions.assertEquals(0, status, command + " " + flag + ": " + err);
                org.junit.jupiter.api.Assertions.assertTrue(text.startsWith("usage: oncoaudit " + command + " "), text);
                for (String other : java.util.List.of("audit", "generate", "score", "baseline")) {
                    if (!other.equals(command)) {
                        org.junit.jupiter.api.Assertions.assertFalse(text.contains("usage: oncoaudit " + other), "its own help only: " + text);
                    }
                }
            }
        }
        // help wins over other options, even incomplete ones
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.junit.jupiter.api.Assertions.assertEquals(0, BatchCli.run(new String[] {"audit", "--claims", "x.csv", "--help"},
                new java.io.PrintStream(out, true), new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true)));
    }

    @Test
    void eachCommandsHelpNamesEveryOptionItAccepts() {
        java.util.Map<String, java.util.Set<String>> accepted = java.util.Map.of(
                "audit", java.util.Set.of("claims", "out", "administrations", "fee-schedule", "payer-policies", "master",
                        "remits", "asp", "tables-as-of", "charge-master", "ncci"),
                "generate", io.oncoaudit.batch.generate.GenerateCommand.OPTIONS,
                "score", io.oncoaudit.batch.score.ScoreCommand.OPTIONS,
                "baseline", io.oncoaudit.batch.bench.BaselineCommand.OPTIONS);
        for (var e : accepted.entrySet()) {
            Result r = run(e.getKey(), "--help");
            assertEquals(0, r.rc(), r.err());
            for (String option : e.getValue()) {
                assertTrue(r.out().contains("--" + option + " "), e.getKey() + " --help names --" + option + ": " + r.out());
            }
        }
        // the formats generate writes, x12 included (837P/837I and the 835)
        assertTrue(run("generate", "--help").out().contains("x12"));
    }

    @Test
    void missingInputFileIsExit2NamingTheFile() {
        Path missing = tmp.resolve("nope.csv");
        Result r = run("audit", "--claims", missing.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.rc());
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written for an unreadable input");
    }

    @Test
    void missingRequiredColumnIsExit2NamingFileAndColumn() {
        Path claims = Extracts.write(tmp.resolve("claims.csv"), Extracts.LINES_HEADER.replace(",units,", ",qty,"),
                Extracts.fulvestrantLines("C-1"));
        Result r = run("audit", "--claims", claims.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.rc());
        assertTrue(r.err().contains(claims.toString()) && r.err().contains("required column 'units'"), r.err());
    }

    @Test
    void administrationsMissingRequiredColumn() {
        Path claims = Extracts.write(tmp.resolve("claims.csv"), Extracts.LINES_HEADER, Extracts.fulvestrantLines("C-1"));
        Path admins = Extracts.write(tmp.resolve("admins.csv"), "claim_id,administration_id,drug_code,dose,dose_unit",
                List.of("C-1,A1,J9395,500,mg"));
        Result r = run("audit", "--claims", claims.toString(), "--administrations", admins.toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("required column 'route'") && r.err().contains(admins.toString()), r.err());
    }

    @Test
    void unknownFormatAndUsageErrors() {
        Path json = Extracts.writeRaw(tmp.resolve("claims.json"), "{}");
        assertEquals(2, run("audit", "--claims", json.toString(), "--out", tmp.toString()).rc());
        assertEquals(2, run("audit", "--out", tmp.toString()).rc());
        assertEquals(2, run("audit", "--claims", json.toString(), "--out", tmp.toString(), "--bogus", "1").rc());
        assertEquals(2, run("frobnicate").rc());
        assertEquals(2, run().rc());
        Result gen = run("generate", "--out", tmp.toString());
        assertEquals(2, gen.rc());
        assertTrue(gen.err().contains("--encounters"), gen.err());
        Result score = run("score", "--run", tmp.resolve("nothing").toString(), "--truth", json.toString());
        assertEquals(2, score.rc());
        assertTrue(score.err().contains("summary.json"), score.err());
    }

    @Test
    void aFailedRunLeavesThePreviousCompleteRunAndNoTemporaryFolder() throws IOException {
        Path claims = Extracts.write(tmp.resolve("in/claims.csv"), Extracts.LINES_HEADER, Extracts.fulvestrantLines("C-1"));
        Path out = tmp.resolve("out");
        Extracts.audit(claims, null, out);
        String before = Extracts.read(out.resolve("summary.json"));
        // a folder of Parquet parts whose second part is not Parquet at all: the read fails mid-run
        Path bad = tmp.resolve("bad");
        SharedSpark.get().read().format("csv").option("header", "true").load(claims.toString())
                .coalesce(1).write().parquet(bad.toString());
        Files.writeString(bad.resolve("part-99999.parquet"), "PAR1 this is not a parquet file PAR1");
        Result r = run("audit", "--claims", bad.toString(), "--out", out.toString(), "--master", "local[1]");
        assertEquals(2, r.rc(), r.err());
        assertTrue(r.err().contains("part-99999.parquet"), r.err());
        assertEquals(before, Extracts.read(out.resolve("summary.json")), "the previous complete run is untouched");
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "temporary folder left behind");
        }
    }
}
