package io.oncoaudit.core.json;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.ValidationError;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON for the contract shapes (sections 5 and 6) on jackson-core (streaming parser and generator; coding-core's one
 * runtime library, README "JSON codec and CSV reader"). Used by the CLI, the Spark job (JSON columns) and the API
 * (POST /api/recode), so the three give byte-identical answers. Output is compact; {@link #pretty(String)} re-indents
 * it for people.
 */
public final class CodecJson {
    private CodecJson() { }

    /** One parsed encounter of the input, or why it could not be read (claimId when it was readable). */
    public record ParsedEncounter(Encounter encounter, String claimId, ValidationError error) {
        public boolean ok() { return error == null; }
    }

    /**
     * Parses one encounter object or an array of them, in input order. Throws {@link JsonSyntaxException}
     * when the text is not JSON. Each encounter is checked on its own: a missing or mistyped field
     * rejects that encounter only (its {@code error} names the field path, e.g. {@code lines[1].units}).
     * A top-level value that is neither an object nor an array is one rejected encounter.
     */
    public static List<ParsedEncounter> parseEncounters(String json) {
        Object root = JsonReader.parse(json);
        if (root instanceof List<?> list) {
            List<ParsedEncounter> out = new ArrayList<>(list.size());
            for (Object o : list) out.add(EncounterReader.read(o));
            return out;
        }
        return List.of(EncounterReader.read(root));
    }

    /** One result object (contract section 6), or the error shape {"claimId", "error": {"field", "message"}}. */
    public static String toJson(RecodeResult result) {
        return Jackson.write(g -> ContractWriter.result(g, result));
    }

    /** A JSON array of results, in list order. */
    public static String toJson(List<RecodeResult> results) {
        return Jackson.write(g -> {
            g.writeStartArray();
            for (RecodeResult r : results) ContractWriter.result(g, r);
            g.writeEndArray();
        });
    }

    /** An encounter in the input shape (contract section 5); {@link #parseEncounters} reads it back equal. */
    public static String toJson(Encounter encounter) {
        return Jackson.write(g -> ContractWriter.encounter(g, encounter));
    }

    /** The error shape alone: {"claimId": ..., "error": {"field": ..., "message": ...}}. */
    public static String errorToJson(String claimId, ValidationError error) {
        return Jackson.write(g -> ContractWriter.error(g, claimId, error));
    }

    public static String linesToJson(List<ClaimLine> lines) {
        return Jackson.write(g -> ContractWriter.lines(g, lines));
    }

    public static String administrationsToJson(List<Administration> administrations) {
        return Jackson.write(g -> ContractWriter.administrations(g, administrations));
    }

    public static String expectedLinesToJson(List<ExpectedLine> lines) {
        return Jackson.write(g -> ContractWriter.expectedLines(g, lines));
    }

    /** A result's "unclassifiedDrugs" array (contract section 4); [] when none. */
    public static String unclassifiedDrugsToJson(List<io.oncoaudit.core.model.UnclassifiedDrug> drugs) {
        return Jackson.write(g -> ContractWriter.unclassifiedDrugs(g, drugs));
    }

    /** Findings as in a result's "findings" array. */
    public static String findingsToJson(List<Finding> findings) {
        return Jackson.write(g -> ContractWriter.findings(g, findings));
    }

    /** A JSON array of strings (diagnosis codes, citations, warnings columns); null is []. */
    public static String stringsToJson(List<String> values) {
        return Jackson.write(g -> JsonWriter.strings(g, values));
    }

    /** Re-indents JSON produced by this codec for people (the CLI's --pretty). */
    public static String pretty(String json) {
        return JsonPretty.format(json);
    }
}
