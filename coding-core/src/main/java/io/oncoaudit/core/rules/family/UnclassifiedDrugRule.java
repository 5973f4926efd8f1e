package io.oncoaudit.core.rules.family;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.recode.CodeGroup;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.hierarchy.SeparateAccess;
import io.oncoaudit.core.rules.units.DrugUnits;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.DrugClass;
import java.util.ArrayList;
import java.util.EnumSet;
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

    // ---- decisions

    /** Full mode, each administration: an unclassified drug's route keeps its billed codes and the drug is listed for review. */
    public static final ItemRule<Administration> ADMINISTRATION = ItemRule.of(RULE, "an unclassified drug freezes its route's administration codes",
            UnclassifiedDrugRule::appliesTo, UnclassifiedDrugRule::freeze);

    /** Full mode, after the administration codes: the frozen route groups keep the billed codes instead of the derived ones. */
    public static final PlanRule KEEP_BILLED = PlanRule.of(RULE, "the frozen route groups keep their billed codes",
            p -> p.frozenGroups() != null, UnclassifiedDrugRule::keepBilled);

    /** Guard: a drug given (not orally) that the drug table does not know or knows as UNCLASSIFIED. */
    public static boolean appliesTo(CodingPlan plan, Administration a) {
        return a.route() != Route.ORAL && unclassified(plan.currentDrug());
    }

    /** The code groups of a route whose codes cannot be judged. */
    public static EnumSet<CodeGroup> groups(Route route) {
        return switch (group(route)) {
            case IV -> EnumSet.of(CodeGroup.SERVICE, CodeGroup.HOUR, CodeGroup.INTRA_ARTERIAL);
            case SC_IM -> EnumSet.of(CodeGroup.SC_IM, CodeGroup.LOCAL);
            case LOCAL -> EnumSet.of(CodeGroup.LOCAL, CodeGroup.OTHER);
            case NONE -> EnumSet.noneOf(CodeGroup.class);
        };
    }

    /** Action: freeze the route's code groups; a warning and an unclassifiedDrugs entry for review. */
    public static void freeze(CodingPlan plan, Administration a) {
        Drug drug = plan.currentDrug();
        plan.freeze(groups(a.route()));
        String why = drug == null ? "not in the drug table" : "no public source classifies it (drug table class UNCLASSIFIED)";
        String name = drug != null ? drug.name() : (a.drugName() == null || a.drugName().isBlank() ? null : a.drugName());
        plan.unclassified(a.administrationId(), a.drugCode(), name, why);
        plan.warn("unclassified drug " + a.drugCode() + " (administration " + a.administrationId() + "): " + why
                + "; the billed " + a.route() + " administration codes are kept for review, no finding made on them");
    }

    /** Action: drops the derived codes of the frozen groups and keeps the billed codes of those groups instead. */
    public static void keepBilled(CodingPlan plan) {
        EnumSet<CodeGroup> frozen = plan.frozenGroups();
        java.util.List<Coded> derived = plan.administrationCodes();
        java.util.List<Coded> out = new ArrayList<>(derived.size());
        for (Coded c : derived) {
            AdminCode a = plan.admin(c.code);
            if (a == null || !frozen.contains(CodeGroup.of(a.slot()))) out.add(c);
        }
        java.util.List<ClaimLine> lines = plan.encounter().lines();
        for (int li = 0, lin = lines.size(); li < lin; li++) {
            ClaimLine l = lines.get(li);
            AdminCode a = plan.admin(l.procedureCode());
            if (a == null || !frozen.contains(CodeGroup.of(a.slot()))) continue;
            java.util.List<String> mods = SeparateAccess.hasDistinctModifier(l) ? java.util.List.of("59") : java.util.List.of();
            out.add(new Coded(a.code(), l.wholeUnits(), mods, RULE.id(),
                    () -> "kept as billed on line " + l.lineNumber() + ": a drug given by this route is unclassified"));
        }
        plan.administrationCodes(out);
    }

    /** Claims-only, each billed line: an unclassified drug billed is listed for review and not used to re-code administrations. */
    public static final ItemRule<ClaimLine> CLAIMS_ONLY = ItemRule.of(RULE, "an unclassified billed drug: listed, not used to re-code",
            (p, l) -> !l.hasModifier("JW") && p.admin(l.procedureCode()) == null && unclassified(p.drug(l.procedureCode())),
            UnclassifiedDrugRule::billedUnclassified);

    public static void billedUnclassified(CodingPlan plan, ClaimLine l) {
        Drug d = plan.drug(l.procedureCode());
        if (d == null && !DrugUnits.looksLikeDrugCode(l.procedureCode())) return;
        plan.claimsOnly().unknown++;
        String why = d == null ? "not in the drug table" : "no public source classifies it (drug table class UNCLASSIFIED)";
        plan.unclassified(null, l.procedureCode(), d == null ? null : d.name(), why);
        plan.warn("unclassified drug code " + l.procedureCode() + " on line " + l.lineNumber() + " (" + why + "): not used to re-code administrations");
    }
}
