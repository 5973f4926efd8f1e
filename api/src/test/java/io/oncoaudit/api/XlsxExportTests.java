package io.oncoaudit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract section 12: the XLSX exports read back with fastexcel's reader (cell types, formats, the frozen
 * header and the autofilter from the sheet XML), their figures equal to the fixture and to the JSON API;
 * the CSV's byte order mark for Excel.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class XlsxExportTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    RunFixture.Run run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = Fixtures.run(loader, "xlsx-export", 150, 41);
    }

    @Test
    void theFindingsWorkbookHasOneHeaderRowThenOneTypedRowPerFinding() throws Exception {
        byte[] xlsx = download(Fixtures.finance(), "/api/findings/export.xlsx", Map.of("runId", run.runId(), "payerId", "AETNA"));
        List<RunFixture.Finding> expected = run.findings().stream().filter(f -> f.payerId().equals("AETNA")).toList();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            Sheet first = wb.getFirstSheet();
            assertEquals("Findings", first.getName());
            List<Row> rows = first.read();
            assertEquals(expected.size() + 1, rows.size(), "one header row, one row per finding, nothing else");
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(c -> header.add(c.getText()));
            assertTrue(header.containsAll(List.of("claim_id", "date_of_service", "payer_id", "kind", "direction", "amount")), header.toString());
            assertTrue(!header.contains("patient_id"), "finance sees no patient id");
            int dos = header.indexOf("date_of_service"), amount = header.indexOf("amount"), claim = header.indexOf("claim_id"),
                    index = header.indexOf("finding_index"), direction = header.indexOf("direction");
            Map<String, RunFixture.Finding> byKey = new TreeMap<>();
            for (RunFixture.Finding f : expected) byKey.put(f.claimId() + "#" + f.findingIndex(), f);
            Map<String, BigDecimal> byDirection = new TreeMap<>();
            for (Row r : rows.subList(1, rows.size())) {
                Cell a = r.getCell(amount);
                Cell d = r.getCell(dos);
                assertEquals(CellType.NUMBER, a.getType(), "amount is a number");
                assertTrue(a.getDataFormatString().contains("$") && a.getDataFormatString().contains("0.00"), a.getDataFormatString());
                assertEquals(CellType.NUMBER, d.getType(), "a date is a date serial");
                assertTrue(d.getDataFormatString().contains("yy"), d.getDataFormatString());
                RunFixture.Finding f = byKey.remove(r.getCell(claim).getText() + "#" + r.getCell(index).asNumber().intValue());
                assertEquals(0, f.amount().compareTo(a.asNumber()), "amount of " + f.claimId());
                assertEquals(f.dos(), d.asDate().toLocalDate());
                assertEquals(f.direction(), r.getCell(direction).getText());
                // a text cell is never a formula, whatever it starts with
                assertNull(r.getCell(header.indexOf("explanation")).getFormula());
                byDirection.merge(f.direction(), f.amount(), BigDecimal::add);
            }
            assertTrue(byKey.isEmpty(), "every finding once: missing " + byKey.keySet());

            // totals on their own sheet, per direction, equal to the summary API
            JsonNode api = JSON.readTree(Fixtures.finance().queryParam("runId", run.runId()).queryParam("payerId", "AETNA")
                    .get("/api/summary").then().statusCode(200).extract().asString());
            List<Row> totals = wb.findSheet("Totals").orElseThrow().read();
            assertEquals(5, totals.size()); // header, the three money directions, COMPLIANCE (a count, $0)
            for (Row t : totals.subList(1, totals.size())) {
                String dir = t.getCell(0).getText();
                if (dir.equals("COMPLIANCE")) {
                    assertEquals(api.get("compliance").asLong(), t.getCell(1).asNumber().longValue());
                    assertEquals(0, BigDecimal.ZERO.compareTo(t.getCell(2).asNumber()));
                    continue;
                }
                assertEquals(CellType.NUMBER, t.getCell(2).getType());
                assertEquals(0, api.get(dir.toLowerCase()).decimalValue().compareTo(t.getCell(2).asNumber()), dir);
                assertEquals(0, byDirection.getOrDefault(dir, BigDecimal.ZERO).compareTo(t.getCell(2).asNumber()), dir);
            }
        }
        String sheetXml = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertTrue(sheetXml.contains("ySplit=\"1\"") && sheetXml.contains("state=\"frozen\""), "frozen header row");
        assertTrue(sheetXml.contains("<autoFilter ref=\"A1:"), "autofilter over the table");
    }

    @Test
    void theSummaryWorkbookHasOneSheetPerGroupingEqualToTheApi() throws Exception {
        Map<String, String> filter = Map.of("runId", run.runId(), "kind", "DRUG_UNITS");
        byte[] xlsx = download(Fixtures.finance(), "/api/summary/export.xlsx", filter);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            List<String> names = wb.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of("By payer", "By provider", "By kind", "By month"), names);
            Map<String, String> by = Map.of("By payer", "payer", "By provider", "provider", "By kind", "kind", "By month", "month");
            for (String name : names) {
                List<Row> rows = wb.findSheet(name).orElseThrow().read();
                Map<String, String> q = new TreeMap<>(filter);
                q.put("by", by.get(name));
                RequestSpecification req = Fixtures.finance();
                for (var e : q.entrySet()) req = req.queryParam(e.getKey(), e.getValue());
                JsonNode api = JSON.readTree(req.get("/api/summary").then().statusCode(200).extract().asString());
                assertEquals(api.size() + 1, rows.size(), name);
                List<String> header = new ArrayList<>();
                rows.get(0).forEach(c -> header.add(c.getText()));
                for (int i = 0; i < api.size(); i++) {
                    Row r = rows.get(i + 1);
                    JsonNode a = api.get(i);
                    assertEquals(a.get("findings").asLong(), r.getCell(header.indexOf("findings")).asNumber().longValue(), name);
                    for (String m : List.of("underpayment", "overpayment", "denial")) {
                        Cell c = r.getCell(header.indexOf(m));
                        assertEquals(CellType.NUMBER, c.getType());
                        assertEquals(0, a.get(m).decimalValue().compareTo(c.asNumber()), name + " " + m);
                    }
                    if (name.equals("By month")) {
                        assertEquals(LocalDate.parse(a.get("month").asText() + "-01"), r.getCell(0).asDate().toLocalDate());
                    }
                }
            }
        }
    }

    @Test
    void theCsvCarriesAByteOrderMarkWhenAskedForExcel() throws Exception {
        byte[] plain = download(Fixtures.finance(), "/api/findings/export.csv", Map.of("runId", run.runId()));
        byte[] bom = download(Fixtures.finance(), "/api/findings/export.csv", Map.of("runId", run.runId(), "bom", "true"));
        assertTrue(plain[0] == 'r', "no mark unless asked");
        assertEquals(0xEF, bom[0] & 0xFF);
        assertEquals(0xBB, bom[1] & 0xFF);
        assertEquals(0xBF, bom[2] & 0xFF);
        assertEquals(new String(plain, StandardCharsets.UTF_8), new String(bom, 3, bom.length - 3, StandardCharsets.UTF_8));
        Fixtures.finance().queryParam("bom", "yes").get("/api/findings/export.csv").then().statusCode(400);
    }

    private static byte[] download(RequestSpecification req, String path, Map<String, String> query) {
        for (var e : query.entrySet()) req = req.queryParam(e.getKey(), e.getValue());
        return req.get(path).then().statusCode(200).extract().asByteArray();
    }

    /** One part of the workbook (read through the central directory: the streamed entries carry their sizes after the data). */
    private static String entry(byte[] zip, String name) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                ZipEntry e = z.getEntry(name);
                if (e == null) throw new AssertionError("no " + name + " in the workbook");
                try (var in = z.getInputStream(e)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
