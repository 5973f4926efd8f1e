package io.oncoaudit.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.oncoaudit.core.json.CodecJson;
import io.oncoaudit.core.json.ContractExample;
import io.oncoaudit.core.json.JsonObject;
import io.oncoaudit.core.json.JsonReader;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.tables.ReferenceTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OncoauditCliTests {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        List<?> results() { return assertInstanceOf(List.class, JsonReader.parse(out), out); }

        JsonObject result(int i) { return (JsonObject) results().get(i); }
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OncoauditCli.run(args, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String stdin, String... args) { return run(stdin.getBytes(StandardCharsets.UTF_8), args); }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /**
     * The end-to-end tests need the real Recoder, built-in tables and fee schedules, which land on main
     * separately: until they are merged into this branch these tests fail here, with this message.
     */
    private static void requireRecoder() {
        try {
            new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn())
                    .recode(CodecJson.parseEncounters(ContractExample.ENCOUNTER).get(0).encounter());
        } catch (UnsupportedOperationException | IllegalStateException e) {
            fail("needs the Recoder, FeeSchedules and built-in reference tables from main, not merged into this "
                    + "branch yet (run git merge main): " + e);
        }
    }

    // ---- usage: exit 2, nothing on stdout

    @Test
    void helpPrintsUsageOnStdout() {
        Run help = run("", "help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("usage: oncoaudit <command>"), help.out());
        Run recodeHelp = run("", "recode", "--help");
        assertEquals(0, recodeHelp.status());
        assertTrue(recodeHelp.out().contains("--fee-schedule FILE"), recodeHelp.out());
        assertTrue(recodeHelp.out().contains("--payer-policies FILE"), recodeHelp.out());
        assertEquals("", recodeHelp.err());
    }

    @Test
    void usageErrorsExitWith2AndLeaveStdoutEmpty() throws IOException {
        Path input = file("in.json", ContractExample.ENCOUNTER);
        String[][] cases = {
                {},
                {"frobnicate"},
                {"recode", "--fast", input.toString()},
                {"recode", "--fee-schedule"},
                {"recode", "--fee-schedule=", input.toString()},
                {"recode", "--pretty=yes", input.toString()},
                {"recode", input.toString(), input.toString()},
                {"recode", dir.resolve("missing.json").toString()},
                {"recode", dir.toString()},
                {"recode", "--fee-schedule", dir.resolve("fees.csv").toString(), input.toString()},
                {"recode", "--payer-policies", dir.resolve("payers.csv").toString(), input.toString()},
        };
        for (String[] args : cases) {
            Run r = run(ContractExample.ENCOUNTER, args);
            String which = String.join(" ", args);
            assertEquals(2, r.status(), which);
            assertEquals("", r.out(), which);
            assertFalse(r.err().isBlank(), which);
        }
        Run missing = run("", "recode", dir.resolve("missing.json").toString());
        assertTrue(missing.err().contains("missing.json': no such file"), missing.err());
        assertTrue(run("", "recode", "--fast").err().contains("unknown option '--fast'"));
        assertTrue(run("", "frobnicate").err().contains("unknown command 'frobnicate'"));
    }

    // ---- input that is not JSON: exit 3, one error result on stdout, the reason on stderr

    @Test
    void malformedJsonExitsWith3AndNamesTheOffset() throws IOException {
        String text = "[\n  {\"claimId\": \"C-1\",\n   \"patientId\" \"P\"}\n]";
        Path input = file("bad.json", text);
        Run r = run("", "recode", input.toString());
        assertEquals(3, r.status());
        int offset = text.indexOf("\"P\"");
        assertTrue(r.err().contains("at offset " + offset + " (line 3, column 16)"), r.err());
        assertEquals(1, r.results().size());
        JsonObject only = r.result(0);
        assertTrue(only.containsKey("claimId"));
        assertNull(only.get("claimId"));
        JsonObject error = (JsonObject) only.get("error");
        assertEquals("input", error.get("field"));
        assertTrue(((String) error.get("message")).contains("not valid JSON"), r.out());
        assertTrue(r.out().endsWith("}]\n"), "compact output ending in one newline");
    }

    @Test
    void emptyStdinAndNonUtf8InputAreInvalidInput() {
        Run empty = run("", "recode");
        assertEquals(3, empty.status());
        assertTrue(empty.err().contains("unexpected end of input"), empty.err());
        Run latin1 = run(new byte[] {'[', '"', (byte) 0xE9, '"', ']'}, "recode", "-");
        assertEquals(3, latin1.status());
        assertTrue(latin1.err().contains("not UTF-8") && latin1.err().contains("byte offset 2"), latin1.err());
        assertEquals("input", ((JsonObject) latin1.result(0).get("error")).get("field"));
    }

    @Test
    void prettyOutputIsIndentedJson() {
        Run r = run("{", "recode", "--pretty");
        assertEquals(3, r.status());
        assertTrue(r.out().startsWith("[\n  {\n    \"claimId\": null,\n    \"error\": {\n"), r.out());
        assertEquals(1, r.results().size());
    }

    @Test
    void lineColumnCountsFromOne() {
        assertEquals("line 1, column 1", RecodeCommand.lineColumn("abc", 0));
        assertEquals("line 2, column 3", RecodeCommand.lineColumn("a\nbcd", 4));
        assertEquals("line 2, column 1", RecodeCommand.lineColumn("a\n", 5));
    }

    @Test
    void badPayerPoliciesFileIsAUsageError() throws IOException {
        Path payers = file("payers.csv", "payer_id,name,type,biologics_noncancer_therapeutic,jwjz_required_from,owner,reason\n"
                + "ACME,Acme Health,PLATINUM,false,,ops,test\n");
        Run r = run(ContractExample.ENCOUNTER, "recode", "--payer-policies", payers.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("payers.csv line 2") && r.err().contains("PLATINUM"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void ncciFolderIsLoadedAndABadOneIsAUsageError() throws IOException {
        Files.createDirectories(this.dir.resolve("ncci"));
        Path dir = file("ncci/ptp-2026q3.txt", "Column 1\tColumn 2\n99999\t36000\t*\t20020101\t*\t7\tbad indicator\n").getParent();
        Run bad = run(ContractExample.ENCOUNTER, "recode", "--ncci", dir.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("ptp-2026q3.txt") && bad.err().contains("modifier indicator"), bad.err());
        Run missing = run(ContractExample.ENCOUNTER, "recode", "--ncci", dir.resolve("nope").toString());
        assertEquals(2, missing.status());
        Files.writeString(dir.resolve("ptp-2026q3.txt"), "Column 1\tColumn 2\n96402\t36000\t*\t20020101\t*\t0\ttest pair\n");
        Run ok = run(ContractExample.ENCOUNTER, "recode", "--ncci", dir.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(run(ContractExample.ENCOUNTER, "recode", "--help").out().contains("--ncci DIR"));
    }

    // ---- end to end with the recoder

    @Test
    void recodesAFileInInputOrderAndExits3WhenOneIsRejected() throws IOException {
        requireRecoder();
        String bad = ContractExample.withClaimId("C-2").replace("\"units\": 20,", "");
        Path input = file("three.json", "[" + ContractExample.withClaimId("C-1") + "," + bad + ","
                + ContractExample.withClaimId("C-3") + "]");
        Run r = run("", "recode", input.toString());
        assertEquals(3, r.status(), r.err());
        assertEquals(3, r.results().size());
        assertEquals(List.of("C-1", "C-2", "C-3"), r.results().stream().map(o -> ((JsonObject) o).get("claimId")).toList());
        assertFalse(r.result(0).containsKey("error"), r.out());
        assertEquals("lines[1].units", ((JsonObject) r.result(1).get("error")).get("field"));
        assertEquals(List.of("claimId", "error"), List.copyOf(r.result(1).keySet()));
        assertFalse(r.result(2).containsKey("error"), r.out());
        assertTrue(r.err().contains("encounter 2 (claim C-2) rejected: lines[1].units is required"), r.err());
    }

    @Test
    void recodesOneEncounterFromStdinAndExits0() {
        requireRecoder();
        InputStream savedIn = System.in;
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try {
            System.setIn(new ByteArrayInputStream(ContractExample.ENCOUNTER.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = OncoauditCli.run("recode");
        } finally {
            System.setIn(savedIn);
            System.setOut(savedOut);
        }
        Run r = new Run(status, out.toString(StandardCharsets.UTF_8), "");
        assertEquals(0, r.status(), r.out());
        assertEquals(1, r.results().size());
        JsonObject result = r.result(0);
        assertEquals(List.of("claimId", "expectedLines", "findings", "billedAmount", "expectedAmount", "netImpact", "warnings"),
                List.copyOf(result.keySet()));
        assertEquals("C-1001", result.get("claimId"));
        BigDecimal net = (BigDecimal) result.get("netImpact");
        assertEquals(2, net.scale(), "money has two decimals");
        assertEquals(0, ((BigDecimal) result.get("expectedAmount")).subtract((BigDecimal) result.get("billedAmount")).compareTo(net),
                "netImpact = expectedAmount - billedAmount (contract section 6)");
    }

    @Test
    void feeScheduleFileReplacesTheBuiltInPrices() throws IOException {
        requireRecoder();
        Path fees = file("fees.csv", "payer_id,procedure_code,setting,allowed_amount,effective_from,effective_to\n"
                + "*,96372,*,14.50,,\n*,J9395,*,100.00,,\n*,96402,*,32.75,,\n*,96401,*,60.00,,\n");
        Run r = run(ContractExample.ENCOUNTER, "recode", "--fee-schedule", fees.toString(), "-");
        assertEquals(0, r.status(), r.err());
        // billedAmount prices every billed line on the given schedule: 96372 x1 + J9395 x20 (contract sections 2, 6)
        assertEquals(new BigDecimal("2014.50"), r.result(0).get("billedAmount"), r.out());
    }
}
