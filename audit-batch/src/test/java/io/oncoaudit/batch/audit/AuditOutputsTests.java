package io.oncoaudit.batch.audit;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.input.ExtractReader;
import io.oncoaudit.batch.input.InputFiles;
import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.Summary;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile CSV (BOM, CRLF, quoted commas and quotes, a multi-line cell, non-ASCII names, shuffled and
 * extra columns) audited three ways: as CSV, as typed Parquet, and as CSV again into a new folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditOutputsTests {
    @TempDir
    static Path tmp;
    static final String HOSTILE_NAME = "Oak, Smith & Sons \"Cancer\" Center";
    static final String UNICODE_NAME = "Clínica São José — Zürich ✓";
    static final String MULTILINE_NAME = "Infusion Suite\nSecond Floor";
    Summary csv;
    Summary parquet;
    Summary again;

    private static String q(String s) { return "\"" + s.replace("\"", "\"\"") + "\""; }

    /** Columns shuffled, plus an unknown 'notes' column; CRLF line ends; UTF-8 BOM. */
    static String hostileLines() {
        String header = "notes,procedure_code,units,claim_id,line_number,patient_id,date_of_service,billing_npi,"
                + "provider_name,payer_id,place_of_service,diagnosis_codes,charge_amount,modifiers,payer_name";
        StringBuilder b = new StringBuilder("\uFEFF").append(header).append("\r\n");
        Object[][] claims = {
                {"H-1", "1234567893", HOSTILE_NAME, "MEDICARE", "Medicare Part B"},
                {"H-2", "1245319599", UNICODE_NAME, "UHC", "UnitedHealthcare"},
                {"H-3", "1234567893", MULTILINE_NAME, "AETNA", "Aetna, Inc."},
                {"H-4", "1003000126", "Ünïcödé Oncology", "MEDICARE", "Medicare Part B"},
        };
        for (Object[] c : claims) {
            String common = c[0] + ",%d,P-é," + "2026-03-02," + c[1] + "," + q((String) c[2]) + "," + c[3] + ",11,"
                    + q("C50.911|Z51.11") + ",%s,%s," + q((String) c[4]);
            b.append(q("said \"hi\", then left")).append(",96372,1,").append(String.format(common, 1, "60.00", ""))
                    .append("\r\n");
            b.append(",J9395,20,").append(String.format(common, 2, "2400.00", "JZ")).append("\r\n");
        }
        return b.toString();
    }

    static String hostileAdmins() {
        StringBuilder b = new StringBuilder("\uFEFF").append(Extracts.ADMIN_HEADER).append("\r\n");
        for (String c : List.of("H-1", "H-2", "H-3", "H-4")) {
            b.append(c).append(",A1,J9395,").append(q("fulvestrant, 250 mg/5 mL \"x2\"")).append(",500,mg,IM,,,,,\r\n");
        }
        return b.toString();
    }

    @BeforeAll
    void auditThreeWays() {
        Path claims = Extracts.writeRaw(tmp.resolve("csv/claim_lines.csv"), hostileLines());
        Path admins = Extracts.writeRaw(tmp.resolve("csv/administrations.csv"), hostileAdmins());
        csv = Extracts.audit(claims, admins, tmp.resolve("run-csv"));
        Path pq = tmp.resolve("parquet");
        toTypedParquet(claims, Table.CLAIM_LINES, pq.resolve("claim_lines"));
        toTypedParquet(admins, Table.ADMINISTRATIONS, pq.resolve("administrations"));
        parquet = Extracts.audit(pq.resolve("claim_lines"), pq.resolve("administrations"), tmp.resolve("run-parquet"));
        again = Extracts.audit(claims, admins, tmp.resolve("run-again"));
    }

    /** The same data as Parquet with contract types: int, date, decimal(12,2), timestamps. */
    static void toTypedParquet(Path csvFile, Table table, Path out) {
        SparkSession spark = SharedSpark.get();
        Dataset<Row> text = ExtractReader.read(spark, table, "test", InputFiles.of("test", csvFile));
        Map<String, String> types = new HashMap<>(Map.of("line_number", "int", "date_of_service", "date",
                "units", "decimal(12,3)", "charge_amount", "decimal(12,2)", "allowed_amount", "decimal(12,2)",
                "paid_amount", "decimal(12,2)", "dose", "decimal(12,3)", "start_time", "timestamp_ntz",
                "end_time", "timestamp_ntz", "lesion_count", "int"));
        Dataset<Row> typed = text.select(table.names().stream()
                .map(n -> types.containsKey(n) ? col(n).cast(types.get(n)).as(n) : col(n))
                .toArray(org.apache.spark.sql.Column[]::new));
        typed.coalesce(1).write().parquet(out.toString());
    }

    @Test
    void hostileCsvIsReadExactly() {
        assertEquals(8, csv.inputLines());
        assertEquals(4, csv.inputAdministrations());
        assertEquals(4, csv.encounters());
        assertEquals(0, csv.rejectedRows(), Extracts.read(tmp.resolve("run-csv/rejects.csv")));
        Map<String, String> names = new HashMap<>();
        for (Row r : SharedSpark.get().read().parquet(tmp.resolve("run-csv/encounters").toString()).collectAsList()) {
            names.put(r.getAs("claim_id"), r.getAs("provider_name"));
            assertEquals("[\"C50.911\",\"Z51.11\"]", r.getAs("diagnosis_codes"));
            assertEquals("P-é", r.getAs("patient_id"));
        }
        assertEquals(HOSTILE_NAME, names.get("H-1"));
        assertEquals(UNICODE_NAME, names.get("H-2"));
        assertEquals(MULTILINE_NAME, names.get("H-3"));
        assertEquals("Ünïcödé Oncology", names.get("H-4"));
    }

    @Test
    void csvAndParquetGiveIdenticalSummaries() {
        assertEquals(Extracts.read(tmp.resolve("run-csv/summary.json")), Extracts.read(tmp.resolve("run-parquet/summary.json")));
        assertEquals(findingsContent("run-csv").replace(csv.runId(), "RUN"),
                findingsContent("run-parquet").replace(parquet.runId(), "RUN"));
    }

    @Test
    void sameInputTwiceGivesTheSameSummaryAndFindings() {
        assertEquals(csv.runId(), again.runId());
        assertEquals(Extracts.read(tmp.resolve("run-csv/summary.json")), Extracts.read(tmp.resolve("run-again/summary.json")));
        assertEquals(findingsContent("run-csv"), findingsContent("run-again"));
        assertFalse(findingsContent("run-csv").isEmpty());
    }

    /** Every finding row (partition columns included), as sorted text. */
    static String findingsContent(String run) {
        Dataset<Row> f = SharedSpark.get().read().parquet(tmp.resolve(run + "/findings").toString());
        List<String> cols = List.of(f.columns());
        return String.join("\n", f.collectAsList().stream()
                .map(r -> String.join("|", cols.stream().map(c -> String.valueOf(r.<Object>getAs(c))).toList()))
                .sorted().toList());
    }

    @Test
    void summaryEqualsAnIndependentSumOfTheFindings() {
        Map<String, BigDecimal> byDirection = new HashMap<>();
        Map<String, BigDecimal> byPayer = new HashMap<>();
        long n = 0;
        for (Row r : SharedSpark.get().read().parquet(tmp.resolve("run-csv/findings").toString()).collectAsList()) {
            BigDecimal a = r.getAs("amount");
            byDirection.merge(r.<String>getAs("direction"), a, BigDecimal::add);
            byPayer.merge(r.<String>getAs("payer_id") + "/" + r.<String>getAs("direction"), a, BigDecimal::add);
            n++;
        }
        String json = Extracts.read(tmp.resolve("run-csv/summary.json"));
        assertEquals(n, Long.parseLong(number(json, "\"findings\": ")));
        assertTrue(n > 0);
        for (String d : List.of("UNDERPAYMENT", "OVERPAYMENT", "DENIAL")) {
            BigDecimal expected = byDirection.getOrDefault(d, BigDecimal.ZERO).setScale(2);
            assertEquals(expected.toPlainString(), number(json, "\"" + d.toLowerCase() + "\": "), d);
        }
        BigDecimal medicareUnder = byPayer.getOrDefault("MEDICARE/UNDERPAYMENT", BigDecimal.ZERO).setScale(2);
        assertTrue(json.contains("{\"payerId\":\"MEDICARE\",\"findings\":2,\"underpayment\":" + medicareUnder.toPlainString()),
                json);
        // money is written with exactly two decimals
        assertTrue(Pattern.compile("\"underpayment\": \\d+\\.\\d\\d,").matcher(json).find(), json);
    }

    @Test
    void findingsArePartitionedByPayerAndServiceMonth() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("run-csv/findings"))) {
            List<String> payers = s.map(p -> p.getFileName().toString()).filter(x -> x.startsWith("payer_id=")).sorted().toList();
            assertEquals(List.of("payer_id=AETNA", "payer_id=MEDICARE", "payer_id=UHC"), payers);
        }
        assertTrue(Files.isDirectory(tmp.resolve("run-csv/findings/payer_id=MEDICARE/service_month=2026-03")));
    }

    @Test
    void manifestRecordsChecksumsCountsAndTimings() throws IOException {
        String m = Extracts.read(tmp.resolve("run-csv/manifest.json"));
        String sha = InputFiles.sha256(tmp.resolve("csv/claim_lines.csv"));
        assertTrue(m.contains("\"sha256\":\"" + sha + "\""), m);
        assertTrue(m.contains("\"runId\": \"" + csv.runId() + "\""), m);
        assertTrue(m.contains("\"inputLines\":8"), m);
        assertTrue(m.contains("\"referenceTablesVersion\""), m);
        assertTrue(m.contains("\"fingerprint\""), m);
        assertTrue(m.contains("\"stageMillis\""), m);
        try (Stream<Path> s = Files.list(tmp.resolve("run-csv"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "temporary folder left behind");
        }
    }

    /** Issue 17: the manifest lists every file the run wrote (not only the known ones) with its sha256 and rows. */
    @Test
    void manifestListsEveryOutputFileWithItsHashAndRows() throws IOException {
        Path run = tmp.resolve("run-csv");
        com.fasterxml.jackson.databind.JsonNode files = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Extracts.read(run.resolve("manifest.json"))).get("files");
        assertTrue(files != null && files.isArray() && files.size() > 0, "manifest.json has a files list");
        List<String> onDisk;
        try (Stream<Path> s = Files.walk(run)) {
            onDisk = s.filter(Files::isRegularFile).map(p -> run.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("manifest.json")).sorted().toList();
        }
        List<String> listed = new java.util.ArrayList<>();
        long findingRows = 0;
        for (com.fasterxml.jackson.databind.JsonNode f : files) {
            String path = f.get("path").asText();
            listed.add(path);
            assertEquals(InputFiles.sha256(run.resolve(path)), f.get("sha256").asText(), path);
            assertEquals(Files.size(run.resolve(path)), f.get("bytes").asLong(), path);
            if (path.endsWith(".parquet")) assertTrue(f.has("rows"), path + " has a row count");
            if (path.startsWith("findings/") && path.endsWith(".parquet")) findingRows += f.get("rows").asLong();
        }
        assertEquals(onDisk, listed);
        assertTrue(listed.contains("summary.json") && listed.contains("rejects.csv"), listed.toString());
        assertEquals(csv.total().findings(), findingRows);
    }

    @Test
    void encountersCarryExactlyTheEncounterColumnsAndTheRunLeavesNoTaskFiles() throws IOException {
        Dataset<Row> e = SharedSpark.get().read().parquet(tmp.resolve("run-csv/encounters").toString());
        assertEquals(Stage.ENCOUNTER_COLUMNS, List.of(e.schema().fieldNames()));
        assertEquals("decimal(12,2)", e.schema().apply("billed_amount").dataType().simpleString());
        assertEquals("date", e.schema().apply("date_of_service").dataType().simpleString());
        try (Stream<Path> s = Files.list(tmp.resolve("run-csv"))) {
            assertEquals(List.of("encounters", "findings", "manifest.json", "rejects", "rejects.csv", "summary.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void findingsKeepTheirTypesRunIdAndExactMoney() {
        Dataset<Row> f = SharedSpark.get().read().parquet(tmp.resolve("run-csv/findings").toString());
        assertEquals("decimal(12,2)", f.schema().apply("amount").dataType().simpleString());
        assertEquals("date", f.schema().apply("date_of_service").dataType().simpleString());
        assertEquals("int", f.schema().apply("finding_index").dataType().simpleString());
        BigDecimal sum = BigDecimal.ZERO;
        for (Row r : f.collectAsList()) {
            assertEquals(csv.runId(), r.getAs("run_id"));
            sum = sum.add(r.<BigDecimal>getAs("amount"));
        }
        assertEquals(csv.total().amount(), sum);
        assertEquals(csv.total().findings(), f.count());
    }

    private static String number(String json, String key) {
        Matcher m = Pattern.compile(Pattern.quote(key) + "([0-9.]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1);
    }
}
