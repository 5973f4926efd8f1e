package io.oncoaudit.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code oncoaudit campaign ...} (bin/oncoaudit routes it to the api jar) against the loaded test database. */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class CampaignCommandTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    CampaignCommand command;

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @Inject
    io.agroal.api.AgroalDataSource ds;

    RunFixture.Run run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = Fixtures.run(loader, "appeals-cli", 60, 4242);
        io.oncoaudit.api.appeals.AppealsTestData.archiveOpenCampaigns(ds);
    }

    record Result(int status, String out, String err) { }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(args, "batch-user", new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createListShowAndPacketWorkLikeTheApi() throws Exception {
        Result created = run("campaign", "create", "--name", "CLI Medicare batch", "--payer", "MEDICARE", "--run=" + run.runId());
        assertEquals(0, created.status(), created.err());
        JsonNode c = JSON.readTree(created.out());
        long id = c.get("id").asLong();
        assertEquals("batch-user", c.get("owner").asText());
        // the same campaign as the API would build from the same filter
        JsonNode api = JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + id).then().statusCode(200).extract().asString());
        assertEquals(api.get("claims").asInt(), c.get("claims").asInt());
        assertEquals(0, api.get("amount").decimalValue().compareTo(c.get("amount").decimalValue()));
        assertTrue(c.get("claims").asInt() > 1, "the fixture has Medicare claims");
        assertEquals("run " + run.runId() + ", payer MEDICARE", c.get("filter").asText());

        Result list = run("campaign", "list", "--owner", "batch-user");
        assertEquals(0, list.status(), list.err());
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).startsWith("id\tname\towner\tclaims\tamount"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(id + "\tCLI Medicare batch\tbatch-user\t" + c.get("claims").asInt() + "\t")), list.out());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split("\t")[2].equals("batch-user")), "only that owner's campaigns");
        Result json = run("campaign", "list", "--json");
        assertEquals(0, json.status());
        assertTrue(JSON.readTree(json.out()).isArray());

        Result show = run("campaign", "show", "--id", String.valueOf(id));
        assertEquals(0, show.status(), show.err());
        assertEquals(c.get("claims").asInt(), JSON.readTree(show.out()).get("claimList").size());

        Path out = Files.createTempDirectory("oncoaudit-cli-packet").resolve("nested/packet.zip");
        Result packet = run("campaign", "packet", "--id", String.valueOf(id), "--out", out.toString(), "--include", "late,zero");
        assertEquals(0, packet.status(), packet.err());
        JsonNode p = JSON.readTree(packet.out());
        assertEquals(c.get("claims").asInt(), p.get("letters").asInt());
        assertEquals(Files.size(out), p.get("bytes").asLong());
        List<String> names = entries(out);
        assertEquals(c.get("claims").asInt(), names.stream().filter(n -> n.endsWith(".pdf")).count());
        assertTrue(names.contains("corrected-lines.csv") && names.contains("index.csv"), names.toString());
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file left next to the packet");
        }

        // only the claims in one state
        Result ready = run("campaign", "packet", "--id", String.valueOf(id), "--out", out.toString(), "--state", "ready",
                "--include", "late");
        assertEquals(0, ready.status(), ready.err());
        assertEquals(List.of("corrected-lines.csv", "index.csv"), entries(out), "no claim is ready yet");
        assertEquals(2, run("campaign", "packet", "--id", String.valueOf(id), "--out", out.toString(), "--include", "early").status(),
                "an unknown --include is refused");
    }

    @Test
    void mistakesAreNamedWithTheRightExitStatus() {
        Result bad = run("campaign", "create", "--name", "x", "--from", "2026-13-01");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("filter.from"), bad.err());
        assertEquals(1, run("campaign", "create", "--name", "x", "--direction", "SIDEWAYS").status());
        Result missing = run("campaign", "show", "--id", "987654321");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no campaign with id 987654321"), missing.err());
        assertEquals(2, run("campaign").status());
        assertEquals(2, run("campaign", "delete").status());
        Result unknown = run("campaign", "create", "--name", "x", "--payr", "UHC");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown option '--payr'"), unknown.err());
        assertEquals(2, run("campaign", "create", "--payer", "UHC").status(), "--name is required");
        assertEquals(2, run("campaign", "packet", "--id", "1").status(), "--out is required");
        assertEquals(2, run("campaign", "packet", "--id", "one", "--out", "x.zip").status());
        assertEquals(2, run("campaign", "show", "--id").status(), "an option without its value");
        assertFalse(run("campaign", "list").out().isEmpty());
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) out.add(e.getName());
        }
        return out;
    }
}
