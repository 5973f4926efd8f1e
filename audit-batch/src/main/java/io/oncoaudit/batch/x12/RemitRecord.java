package io.oncoaudit.batch.x12;

import java.io.Serializable;

/** What reading an 835 yields: a claim payment, or a segment that cannot be used (a reject). */
public record RemitRecord(Remit remit, Reject reject) implements Serializable {

    public record Reject(String file, int position, String tag, String claimId, String reason, String segment)
            implements Serializable { }
}
