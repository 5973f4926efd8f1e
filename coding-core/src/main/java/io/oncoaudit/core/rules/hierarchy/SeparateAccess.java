package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CPT Drug Administration guidelines (two separate IV sites); NCCI Policy Manual ch.1 E (59 and X{EPSU}).
 */
public final class SeparateAccess {
    public static final Rule RULE = new Rule("OA-HIER-002", "hierarchy",
            "Second initial service through a separate access needs 59/X{EPSU}",
            "When protocol requires two separate IV access sites (the record's separate_site_reason documents why), each access has its own initial service; the second initial code needs modifier 59 (or XU/XS/XE/XP). A different access site without a documented reason is the same encounter's hierarchy: one initial service.",
            List.of("CPT Drug Administration guidelines (two separate IV sites)", "NCCI Policy Manual ch.1 E (modifiers 59 and X{EPSU})", "NOTES 1.3, 1.4 [S-AAPC-CONC]"),
            "SEED-004 describes 'two drugs through separate lines' as concurrent: separate sites are two initial services with 59, concurrent (96368) is the same access.",
            "A second initial service is separately reportable when a separate IV site is required; modifier 59/XU identifies the distinct service.");

    private SeparateAccess() { }

    /**
     * Guard: access sites separate the IV hierarchies only when the record documents the reason a separate site was
     * needed (a protocol requiring two separate IV sites, CMS IOM 100-04 ch.12 s.30.5); a different site alone is not enough.
     */
    public static boolean reasonDocumented(java.util.List<io.oncoaudit.core.model.Administration> administrations) {
        for (int i = 0, n = administrations.size(); i < n; i++) {
            String r = administrations.get(i).separateSiteReason();
            if (r != null && !r.isBlank()) return true;
        }
        return false;
    }

    /** The first documented separate-site reason (for explanations). */
    public static String reasonOf(java.util.List<io.oncoaudit.core.model.Administration> administrations) {
        for (var a : administrations) if (a.separateSiteReason() != null && !a.separateSiteReason().isBlank()) return a.separateSiteReason().strip();
        return "";
    }

    /** The modifier the second access site's initial service carries (59 or XU/XS/XE/XP accepted). */
    public static final String MODIFIER = "59";

    public static boolean isDistinctModifier(String m) {
        String u = m.toUpperCase(java.util.Locale.ROOT);
        return u.equals("59") || u.equals("XU") || u.equals("XS") || u.equals("XE") || u.equals("XP");
    }
}
