package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CPT 96416 descriptor (prolonged infusion of more than 8 hours with a pump); HCPCS G0498.
 */
public final class PumpStart {
    public static final Rule RULE = new Rule("OA-PUMP-001", "hierarchy",
            "Prolonged chemotherapy infusion started on a pump",
            "A chemotherapy infusion of more than 8 hours started on a portable or implantable pump is 96416 (intra-arterial: 96425), reported in addition to the other services; it is not a concurrent-infusion code. G0498 (Medicare, office-supplied pump) is accepted in its place.",
            List.of("CPT 96416 descriptor; CMS PFS short text 'Chemo prolong infuse w/pump'", "HCPCS G0498 descriptor (eff. 2016-01-01)", "NOTES 1.4 [S-G0498]; product decision 8"),
            "SEED-004 calls 96416 a 'concurrent infusion' code. SEED-001 bills 96521 at a disconnect-only visit: 96521 needs an actual refill/maintenance.",
            "CPT 96416 describes the initiation of a prolonged chemotherapy infusion (more than 8 hours) requiring a portable or implantable pump.");

    private PumpStart() { }

    public static final String CODE = "96416";
    public static final String INTRA_ARTERIAL_CODE = "96425";
    /** A pump start code needs an infusion of more than 8 hours. */
    public static final int MIN_MINUTES = 8 * 60 + 1;

    public static boolean prolonged(long minutes) { return minutes >= MIN_MINUTES; }
}
