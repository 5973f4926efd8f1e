package io.oncoaudit.core.rules.route;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CPT 96405, 96406, 96420-96425, 96440, 96446, 96450 descriptors.
 */
public final class RouteSpecificCodes {
    public static final Rule RULE = new Rule("OA-SITE-001", "route",
            "Route-specific chemotherapy codes",
            "Intralesional: 96405 (up to 7 lesions) or 96406 (more than 7); intrathecal/CNS: 96450; intra-arterial: 96420 push, 96422 + 96423 infusion, 96425 pump; pleural cavity: 96440; peritoneal cavity via port or catheter: 96446.",
            List.of("CPT 96405, 96406, 96420-96425, 96440, 96446, 96450 descriptors", "CMS PFS short text 'Chemotx admn pertl cav impl' (96446)"),
            "SEED-003 describes 96446 as 'requiring and including peritoneocentesis' (that was the deleted 96445).",
            "CPT assigns route-specific chemotherapy administration codes.");

    private RouteSpecificCodes() { }

    /** 96405 up to 7 lesions, 96406 for more (a missing count is one lesion). */
    public static String intralesional(Integer lesions) {
        return (lesions == null ? 1 : lesions) <= 7 ? "96405" : "96406";
    }
}
