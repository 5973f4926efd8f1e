package io.oncoaudit.core.rules.family;

import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.DrugClass;
import java.util.List;

/**
 * A drug the drug table does not know, or knows without a class from a public source: its administration family
 * (chemotherapy, therapeutic) cannot be decided, so no finding is made in either direction on the administration
 * codes of its route; the billed codes are kept and the drug is listed for review.
 */
public final class UnclassifiedDrugRule {
    public static final Rule RULE = new Rule("OA-FAM-003", "family",
            "Unknown or unclassified drugs: no confident finding, a review item",
            "When a drug given is not in the drug table, or is in it as UNCLASSIFIED (no public source classifies it), the administration codes billed for its route (IV and intra-arterial services and hours; SC/IM injections; the route-specific codes) are kept as the expected lines and no administration finding is made for that route in either direction. The encounter carries a warning and an unclassifiedDrugs entry for a person to review. Drug units are still checked when the billing unit is known.",
            List.of("CMS Transmittal 129 / CR 3631 and CPT 96401-96549 guidelines: the administration family depends on the drug's class, which must be known"),
            "The earlier recoder let an unknown IV drug inherit the billed chemotherapy codes and forced an unknown SC drug to 96372: both were findings without a basis.",
            null);

    private UnclassifiedDrugRule() { }

    /** Guard. */
    public static boolean unclassified(Drug drug) { return drug == null || drug.drugClass() == DrugClass.UNCLASSIFIED; }

    /** The route's administration codes that cannot be judged: IV/intra-arterial, SC/IM, or the route-specific ones. */
    public enum RouteGroup { IV, SC_IM, LOCAL, NONE }

    public static RouteGroup group(Route route) {
        return switch (route) {
            case IV, INTRA_ARTERIAL -> RouteGroup.IV;
            case SC, IM, IMPLANT -> RouteGroup.SC_IM;
            case INTRALESIONAL, INTRAVESICAL, INTRATHECAL, INTRAPLEURAL, INTRAPERITONEAL -> RouteGroup.LOCAL;
            case ORAL -> RouteGroup.NONE;
        };
    }
}
