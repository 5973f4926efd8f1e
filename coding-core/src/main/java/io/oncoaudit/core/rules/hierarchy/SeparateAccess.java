package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CPT Drug Administration guidelines (two separate IV sites); NCCI Policy Manual ch.1 E (59 and X{EPSU}).
 */
public final class SeparateAccess {
    public static final Rule RULE = new Rule("OA-HIER-002", "hierarchy",
            "Second initial service through a separate access needs 59/X{EPSU}",
            "When protocol requires two separate IV access sites, each access has its own initial service; the second initial code needs modifier 59 (or XU/XS/XE/XP).",
            List.of("CPT Drug Administration guidelines (two separate IV sites)", "NCCI Policy Manual ch.1 E (modifiers 59 and X{EPSU})", "NOTES 1.3, 1.4 [S-AAPC-CONC]"),
            "SEED-004 describes 'two drugs through separate lines' as concurrent: separate sites are two initial services with 59, concurrent (96368) is the same access.",
            "A second initial service is separately reportable when a separate IV site is required; modifier 59/XU identifies the distinct service.");

    private SeparateAccess() { }

    /** The modifier the second access site's initial service carries (59 or XU/XS/XE/XP accepted). */
    public static final String MODIFIER = "59";

    public static boolean isDistinctModifier(String m) {
        String u = m.toUpperCase(java.util.Locale.ROOT);
        return u.equals("59") || u.equals("XU") || u.equals("XS") || u.equals("XE") || u.equals("XP");
    }
}
