package io.oncoaudit.core.rules.mode;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * Contract section 4: without administrations, re-code administration codes from billed drugs and diagnoses.
 */
public final class ClaimsOnlyMode {
    public static final Rule RULE = new Rule("OA-CLAIMS-001", "mode",
            "Claims-only mode: re-code administration lines from the billed drugs",
            "Without an administration record, administration codes are re-coded from the billed drug codes (class, usual route) and the diagnoses; drug lines are left as billed; times and units that need the record are not judged.",
            List.of("CMS IOM 100-04 ch.12 s.30.5 (drug administration services: the drug given decides the administration code)", "Contract section 4", "Rules OA-FAM-001, OA-FAM-002, OA-SCIM-001, OA-HIER-001, OA-ADDON-001 applied to the billed lines"),
            null,
            "The billed drugs establish the administration family; the corrected administration codes follow CPT and CMS guidance for those drugs.");

    private ClaimsOnlyMode() { }
}
