package io.oncoaudit.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.load.LoadException;
import io.oncoaudit.api.load.LoadResult;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class LoadTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    RunLoader loader;

    @Inject
    AgroalDataSource ds;

    @Inject
    UserService users;

    @BeforeEach
    void users() { Fixtures.users(users); }

    @Test
    void loadingTheSameRunTwiceChangesNothingEvenFromAnotherFolder() throws Exception {
        RunFixture.Run run = Fixtures.run(loader, "twice", 300, 7);
        List<Long> before = counts();
        LoadResult again = loader.load(run.dir(), "test", new PrintStream(System.err, true));
        assertTrue(again.alreadyLoaded());
        assertEquals(before, counts());

        Path copy = Files.createTempDirectory("renamed-run");
        copyTree(run.dir(), copy);
        LoadResult renamed = loader.load(copy, "test", new PrintStream(System.err, true));
        assertTrue(renamed.alreadyLoaded(), "a run is identified by its output, not its folder name");
        assertEquals(before, counts());

        long findings = single("SELECT count(*) FROM findings f JOIN runs r ON r.id = f.run_pk WHERE r.run_id = '" + run.runId() + "'");
        assertEquals(run.findings().size(), findings);
        long encounters = single("SELECT count(*) FROM encounters e JOIN runs r ON r.id = e.run_pk WHERE r.run_id = '" + run.runId() + "'");
        assertEquals(300, encounters);
    }

    @Test
    void summariesEqualTheRunsSummaryJson() throws Exception {
        RunFixture.Run run = Fixtures.run(loader, "summary", 400, 11);
        JsonNode expected = JSON.readTree(Files.readString(run.dir().resolve("summary.json")));
        for (Map.Entry<String, String> by : Map.of("payer", "byPayer", "provider", "byProvider", "kind", "byKind").entrySet()) {
            String body = Fixtures.finance().queryParam("by", by.getKey()).queryParam("runId", run.runId())
                    .get("/api/summary").then().statusCode(200).extract().asString();
            assertSameRows(expected.get(by.getValue()), JSON.readTree(body), by.getKey());
        }
        JsonNode all = JSON.readTree(Fixtures.finance().queryParam("runId", run.runId()).get("/api/summary")
                .then().statusCode(200).extract().asString());
        assertEquals(expected.get("findings").asLong(), all.get("findings").asLong());
        for (String money : List.of("underpayment", "overpayment", "denial")) {
            assertEquals(0, expected.get(money).decimalValue().compareTo(all.get(money).decimalValue()), money);
        }
    }

    @Test
    void summaryWithADateRangeCountsOnlyThoseFindings() throws Exception {
        RunFixture.Run run = Fixtures.run(loader, "summary", 400, 11);
        long expected = run.findings().stream().filter(f -> f.dos().getMonthValue() == 2).count();
        JsonNode rows = JSON.readTree(Fixtures.finance().queryParam("by", "kind").queryParam("runId", run.runId())
                .queryParam("from", "2026-02-01").queryParam("to", "2026-02-28").get("/api/summary").asString());
        long got = 0;
        for (JsonNode r : rows) got += r.get("findings").asLong();
        assertEquals(expected, got);
        assertTrue(got > 0);
    }

    @Test
    void adminLoadsOverHttpAndRunsAreListed() throws Exception {
        Path dir = Files.createTempDirectory("http-run");
        RunFixture.Run run = RunFixture.write(dir, "http", "fp-http-" + System.nanoTime(), 20, 3);
        Fixtures.admin().contentType("application/json").body(Map.of("dir", dir.toString()))
                .post("/api/runs").then().statusCode(201).body("findings", equalTo(run.findings().size()));
        Fixtures.admin().contentType("application/json").body(Map.of("dir", dir.toString()))
                .post("/api/runs").then().statusCode(200).body("alreadyLoaded", equalTo(true));
        Fixtures.auditor().contentType("application/json").body(Map.of("dir", dir.toString()))
                .post("/api/runs").then().statusCode(403);
        Fixtures.finance().get("/api/runs/" + run.runId()).then().statusCode(200)
                .body("runId", equalTo(run.runId()))
                .body("manifest.fingerprint", equalTo(run.fingerprint()))
                .body("summary.findings", equalTo(run.findings().size()));
        String list = Fixtures.finance().get("/api/runs").then().statusCode(200).extract().asString();
        assertTrue(list.contains("\"runId\":\"" + run.runId() + "\""));
    }

    @Test
    void aFolderWithoutManifestIsRefusedWithAMessageNamingTheFile() throws Exception {
        Path empty = Files.createTempDirectory("not-a-run");
        LoadException e = assertThrows(LoadException.class, () -> loader.load(empty, "test", new PrintStream(System.err, true)));
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
        Fixtures.admin().contentType("application/json").body(Map.of("dir", empty.toString()))
                .post("/api/runs").then().statusCode(422).contentType("application/problem+json").body("field", equalTo("dir"));
    }

    private static void assertSameRows(JsonNode expected, JsonNode actual, String by) {
        assertEquals(expected.size(), actual.size(), by + " row count");
        List<String> keys = new ArrayList<>();
        expected.get(0).fieldNames().forEachRemaining(keys::add);
        Iterator<JsonNode> e = expected.elements();
        Iterator<JsonNode> a = actual.elements();
        while (e.hasNext()) {
            JsonNode er = e.next();
            JsonNode ar = a.next();
            for (String k : keys) {
                JsonNode ev = er.get(k);
                JsonNode av = ar.get(k);
                assertFalse(av == null, by + " row lacks " + k);
                if (ev.isNumber()) {
                    assertEquals(0, new BigDecimal(ev.asText()).compareTo(new BigDecimal(av.asText())), by + " " + k + " of " + er);
                } else {
                    assertEquals(ev.asText(), av.asText(), by + " " + k);
                }
            }
        }
    }

    private List<Long> counts() throws Exception {
        List<Long> out = new ArrayList<>();
        for (String t : List.of("runs", "findings", "encounters", "summary_agg", "code_day_agg", "encounter_day_agg", "provider_names")) out.add(single("SELECT count(*) FROM " + t));
        return out;
    }

    private long single(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
