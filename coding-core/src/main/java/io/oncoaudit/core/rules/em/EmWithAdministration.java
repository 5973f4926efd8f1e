package io.oncoaudit.core.rules.em;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * E/M on a drug-administration day: CMS transmittal of 2005-10-28 "Payment for Office or Other Outpatient E/M Visits
 * (Codes 99201-99215)" (IOM 100-04 ch.12 s.30.6.7 after CR 3631); CPT modifier 25.
 */
public final class EmWithAdministration {
    public static final Rule RULE = new Rule("OA-EM-001", "em",
            "E/M on a drug-administration day: 99211 not payable (Medicare), 99202-99215 need modifier 25",
            "On a day with a drug administration service (96360-96549, G0498) billed or documented: under the CMS policy (Medicare; payers.csv em_with_administration CMS) 99211 is not payable, with or without modifier 25, and is removed (overpayment). Any other office/outpatient E/M (99202-99205, 99212-99215) is payable only as a significant, separately identifiable service with modifier 25: without it the line is expected with 25 (denial exposure). Payers with policy MODIFIER_25 get only the modifier check, NONE neither. Hospital outpatient claims (type of bill 13x) are not judged here (hospitals bill G0463).",
            List.of("CMS transmittal 2005-10-28 'Payment for Office or Other Outpatient E/M Visits (Codes 99201-99215)' (IOM 100-04 ch.12 s.30.6.7, after CR 3631): 99211 is not paid with a drug administration service; 99212-99215 only with modifier 25",
                    "CPT modifier 25 (significant, separately identifiable E/M service by the same physician on the same day)",
                    "NCCI Policy Manual ch.11 (E/M services with drug administration)"),
            null,
            "CMS does not pay 99211 billed with a drug administration service; a higher-level E/M visit on the same day is payable only when it is a significant, separately identifiable service reported with modifier 25.",
            List.of("NOTES section 6 (E/M with drug administration); product decision 8 (99211 rule is Medicare's, other payers by policy)"));

    private EmWithAdministration() { }

    public enum Policy { CMS, MODIFIER_25, NONE }

    public static final String NURSE_VISIT = "99211";
    public static final String MODIFIER = "25";

    /** Guard: a drug administration service code (CPT 96360-96549 or HCPCS G0498). */
    public static boolean administrationCode(String code) {
        if (code == null || code.length() != 5) return false;
        if (code.equals("G0498")) return true;
        if (!code.startsWith("96")) return false;
        int n;
        try { n = Integer.parseInt(code); } catch (NumberFormatException e) { return false; }
        return n >= 96360 && n <= 96549;
    }

    /** An office/outpatient E/M that needs modifier 25 on an administration day (new 99202-99205, established 99212-99215). */
    public static boolean separatelyIdentifiableEm(String code) {
        return switch (code) {
            case "99202", "99203", "99204", "99205", "99212", "99213", "99214", "99215" -> true;
            default -> false;
        };
    }

    public static Policy parse(String raw) {
        if (raw == null || raw.isBlank()) return null;
        return Policy.valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
