package io.oncoaudit.core.json;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.ValidationError;
import java.util.List;

/**
 * JSON for the contract shapes (sections 5 and 6), without a JSON library: coding-core has no runtime
 * dependencies. Used by the CLI, the Spark job (JSON columns) and the API (POST /api/recode), so the
 * three give byte-identical answers.
 */
public final class CodecJson {
    private CodecJson() { }

    /** One parsed encounter of the input, or why it could not be read (claimId when it was readable). */
    public record ParsedEncounter(Encounter encounter, String claimId, ValidationError error) {
        public boolean ok() { return error == null; }
    }

    /** Parses one encounter object or an array of them. Throws {@link JsonSyntaxException} when the text is not JSON. */
    public static List<ParsedEncounter> parseEncounters(String json) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static String toJson(RecodeResult result) { throw new UnsupportedOperationException("not implemented yet"); }

    public static String toJson(List<RecodeResult> results) { throw new UnsupportedOperationException("not implemented yet"); }

    public static String toJson(Encounter encounter) { throw new UnsupportedOperationException("not implemented yet"); }

    public static String linesToJson(List<ClaimLine> lines) { throw new UnsupportedOperationException("not implemented yet"); }

    public static String administrationsToJson(List<Administration> administrations) { throw new UnsupportedOperationException("not implemented yet"); }

    public static String expectedLinesToJson(List<ExpectedLine> lines) { throw new UnsupportedOperationException("not implemented yet"); }
}
