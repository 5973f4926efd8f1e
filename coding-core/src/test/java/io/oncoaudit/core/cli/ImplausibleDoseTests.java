package io.oncoaudit.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.json.ContractExample;
import io.oncoaudit.core.json.JsonObject;
import io.oncoaudit.core.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, hole 6 (CLI): a dose of 1e12 in one encounter gave a stack trace and no output for the valid
 * encounters (seen failing before the fix: exit 1, stdout empty). Now it is that encounter's error and the
 * others are still printed (contract section 3: exit 3).
 */
class ImplausibleDoseTests {
    @TempDir
    Path dir;

    @Test
    void aDoseOf1e12IsThatEncountersErrorAndTheOthersArePrinted() throws Exception {
        String huge = ContractExample.withClaimId("C-2").replace("\"dose\": 500", "\"dose\": 1e12");
        assertTrue(huge.contains("1e12"));
        Path input = Files.writeString(dir.resolve("three.json"), "[" + ContractExample.withClaimId("C-1") + "," + huge + ","
                + ContractExample.withClaimId("C-3") + "]");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OncoauditCli.run(new String[] {"recode", input.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(3, status, err.toString(StandardCharsets.UTF_8) + stdout);
        List<?> results = (List<?>) JsonReader.parse(stdout);
        assertEquals(3, results.size());
        assertFalse(((JsonObject) results.get(0)).containsKey("error"), stdout);
        JsonObject error = (JsonObject) ((JsonObject) results.get(1)).get("error");
        assertEquals("administrations[0].dose", error.get("field"), stdout);
        assertTrue(String.valueOf(error.get("message")).contains("implausibly large"), stdout);
        assertFalse(((JsonObject) results.get(2)).containsKey("error"), stdout);
    }
}
