package io.oncoaudit.api.query;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/** Keyset position in the findings order (date_of_service DESC, claim_id, finding_index, run_pk); opaque to clients. */
public record Cursor(LocalDate dateOfService, String claimId, int findingIndex, long runPk) {

    public String encode() {
        String s = dateOfService + "\n" + findingIndex + "\n" + runPk + "\n" + claimId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Throws IllegalArgumentException("cursor: ...") for a cursor this server did not hand out. */
    public static Cursor decode(String token) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 4);
            return new Cursor(LocalDate.parse(p[0]), p[3], Integer.parseInt(p[1]), Long.parseLong(p[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor: not a cursor from a previous page's nextCursor; omit it to start at the first page");
        }
    }
}
