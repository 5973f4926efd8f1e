package io.oncoaudit.core.rules.route;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CPT 96405, 96406, 96420-96425, 96440, 96446, 96450 descriptors.
 */
public final class RouteSpecificCodes {
    public static final Rule RULE = new Rule("OA-SITE-001", "route",
            "Route-specific chemotherapy codes",
            "Intralesional chemotherapy: 96405 (up to 7 lesions) or 96406 (more than 7), which replace the lesion injection codes 11900/11901 (those are for non-chemotherapy intralesional injections); intravesical instillation of an anticarcinogenic agent (BCG, mitomycin, gemcitabine): 51720; a drug implant inserted through an incision (histrelin): 11981, while goserelin's implant is injected subcutaneously (96402); intrathecal/CNS: 96450; intra-arterial: 96420 push, 96422 + 96423 infusion, 96425 pump; pleural cavity: 96440; peritoneal cavity via port or catheter: 96446.",
            List.of("CPT 96405, 96406, 96420-96425, 96440, 96446, 96450 descriptors", "CPT 11900/11901 descriptors (intralesional injection)",
                    "CPT 51720 descriptor (bladder instillation of anticarcinogenic agent, including retention time)", "HCPCS J9030 descriptor (BCG live intravesical instillation)",
                    "CPT 11981 descriptor (insertion, drug-delivery implant)", "HCPCS J9202 descriptor (goserelin acetate implant) and its FDA label (subcutaneous implant injected through a needle)", "CMS PFS short text 'Chemotx admn pertl cav impl' (96446)"),
            "SEED-003 describes 96446 as 'requiring and including peritoneocentesis' (that was the deleted 96445).",
            "CPT assigns route-specific chemotherapy administration codes.");

    private RouteSpecificCodes() { }

    /** Bladder instillation of an anticarcinogenic agent (BCG, mitomycin, gemcitabine, valrubicin): CPT 51720. */
    public static final String BLADDER_INSTILLATION = "51720";
    /** Insertion of a drug-delivery implant through an incision: CPT 11981. */
    public static final String IMPLANT_INSERTION = "11981";
    /**
     * Drug implants inserted through an incision (11981): histrelin (HCPCS J9225 Vantas, J9226 Supprelin LA) and the
     * leuprolide implant J9219 (Viadur). Goserelin's implant (J9202) is injected subcutaneously through its needle: 96402.
     */
    private static final java.util.Set<String> INCISION_IMPLANTS = java.util.Set.of("J9225", "J9226", "J9219");

    public static boolean incisionImplant(String hcpcs) { return INCISION_IMPLANTS.contains(hcpcs); }

    /** A non-chemotherapy intralesional injection: CPT 11900 up to 7 lesions, 11901 more than 7. */
    public static String lesionInjection(Integer lesions) {
        return (lesions == null ? 1 : lesions) <= 7 ? "11900" : "11901";
    }

    /** 96405 up to 7 lesions, 96406 for more (a missing count is one lesion). */
    public static String intralesional(Integer lesions) {
        return (lesions == null ? 1 : lesions) <= 7 ? "96405" : "96406";
    }
}
