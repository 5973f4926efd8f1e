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
 * JSON for the contract shapes (sections 5 and 6), without a JSON library: coding-core has no runtime
 * dependencies. Used by the CLI, the Spark job (JSON columns) and the API (POST /api/recode), so the
 * three give byte-identical answers. Output is compact; {@link #pretty(String)} re-indents it for people.
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
        return ContractWriter.result(new StringBuilder(512), result).toString();
    }

    /** A JSON array of results, in list order. */
    public static String toJson(List<RecodeResult> results) {
        StringBuilder sb = new StringBuilder(512 * Math.max(1, results.size()));
        sb.append('[');
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) sb.append(',');
            ContractWriter.result(sb, results.get(i));
        }
        return sb.append(']').toString();
    }

    /** An encounter in the input shape (contract section 5); {@link #parseEncounters} reads it back equal. */
    public static String toJson(Encounter encounter) {
        return ContractWriter.encounter(new StringBuilder(512), encounter).toString();
    }

    /** The error shape alone: {"claimId": ..., "error": {"field": ..., "message": ...}}. */
    public static String errorToJson(String claimId, ValidationError error) {
        return ContractWriter.error(new StringBuilder(128), claimId, error).toString();
    }

    public static String linesToJson(List<ClaimLine> lines) {
        return ContractWriter.lines(new StringBuilder(128 * Math.max(1, lines.size())), lines).toString();
    }

    public static String administrationsToJson(List<Administration> administrations) {
        return ContractWriter.administrations(new StringBuilder(160 * Math.max(1, administrations.size())),
                administrations).toString();
    }

    public static String expectedLinesToJson(List<ExpectedLine> lines) {
        return ContractWriter.expectedLines(new StringBuilder(64 * Math.max(1, lines.size())), lines).toString();
    }

    /** A result's "unclassifiedDrugs" array (contract section 4); [] when none. */
    public static String unclassifiedDrugsToJson(List<io.oncoaudit.core.model.UnclassifiedDrug> drugs) {
        return ContractWriter.unclassifiedDrugs(new StringBuilder(16 + 96 * drugs.size()), drugs).toString();
    }

    /** Findings as in a result's "findings" array. */
    public static String findingsToJson(List<Finding> findings) {
        return ContractWriter.findings(new StringBuilder(512 * Math.max(1, findings.size())), findings).toString();
    }

    /** A JSON array of strings (diagnosis codes, citations, warnings columns); null is []. */
    public static String stringsToJson(List<String> values) {
        return JsonWriter.strings(new StringBuilder(16 * (values == null ? 1 : values.size() + 1)), values).toString();
    }

    /** Re-indents JSON produced by this codec for people (the CLI's --pretty). */
    public static String pretty(String json) {
        return JsonPretty.format(json);
    }
}
