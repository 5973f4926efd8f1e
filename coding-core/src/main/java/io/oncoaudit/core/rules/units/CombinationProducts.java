package io.oncoaudit.core.rules.units;


import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.AdminDifference;
import io.oncoaudit.core.recode.CodeGroup;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.DrugExpectation;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.Drug;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HCPCS J9316 / J9144 descriptors: a fixed-dose combination is one code and one administration.
 */
public final class CombinationProducts {
    public static final Rule RULE = new Rule("OA-COMBO-001", "units",
            "Fixed-dose combination products: one HCPCS code, one administration",
            "A fixed-dose combination product (e.g. Phesgo J9316, Darzalex Faspro J9144) is billed with its own HCPCS code and one administration; billing its components (J9306 + J9355 + hyaluronidase) separately is a split.",
            List.of("HCPCS J9316 / J9144 descriptors (the combination is one code)", "Genentech Phesgo coding: J9316 with 96401 (NOTES 3.2 [S-GNE], [S-J9316])"),
            null,
            "The product administered is a single fixed-dose combination described by one HCPCS code.");

    private CombinationProducts() { }

    // ---- decisions

    /** Full mode, comparison of each drug: a combination product documented, its components billed. */
    public static final ItemRule<DrugExpectation> COMPARE = ItemRule.of(RULE, "the product documented, its components billed: COMBINATION_PRODUCT_SPLIT",
            (p, x) -> x.drug.combinationProduct(), CombinationProducts::compare);

    /** Claims-only: every component of a combination product billed and the product's own code not. */
    public static final PlanRule CLAIMS_ONLY = PlanRule.of(RULE, "every component billed, the product not: COMBINATION_PRODUCT_SPLIT",
            p -> true, CombinationProducts::claimsOnly);

    public static void compare(CodingPlan plan, DrugExpectation x) {
        String code = x.drug.hcpcs();
        int compUnits = 0;
        BigDecimal compValue = BigDecimal.ZERO;
        String firstComp = null;
        Integer line = null;
        for (String comp : x.drug.components()) {
            int u = plan.billedUnits(comp, false) + plan.billedUnits(comp, true);
            if (u > 0) {
                if (firstComp == null) { firstComp = comp; line = plan.firstLine(comp).lineNumber(); }
                compUnits += u;
                compValue = compValue.add(plan.amount(comp, u));
            }
        }
        if (firstComp == null) return;
        plan.combinationSplit();
        boolean covered = plan.billedUnits(code, false) == 0;
        x.covered = covered;
        BigDecimal ev = covered ? DrugUnits.value(plan, x) : BigDecimal.ZERO;
        plan.finding(FindingKind.COMBINATION_PRODUCT_SPLIT, RULE.id(), firstComp, code,
                compUnits, covered ? x.units : 0, compValue, ev, null, Direction.OVERPAYMENT,
                x.drug.name() + " is one fixed-dose combination product billed as " + code + "; its components ("
                        + String.join(", ", x.drug.components()) + ") were billed separately. " + x.lines.get(0).reason(), line);
    }

    /**
     * Claims-only: combination products whose every component is billed while the product code is not. The product
     * with the most components wins and its components are not reused (Phesgo before Herceptin Hylecta).
     */
    public static java.util.List<Drug> splitCombinations(CodingPlan plan) {
        java.util.List<Drug> found = null;
        Set<String> used = null; // both created on the first product found (most claims have none)
        java.util.List<Drug> combos = plan.tables().drugs().combinationProducts();
        for (int ci = 0, cn = combos.size(); ci < cn; ci++) {
            Drug combo = combos.get(ci);
            if (!combo.effectiveOn(plan.encounter().dateOfService()) || plan.billedUnits(combo.hcpcs(), false) > 0) continue;
            boolean all = true;
            java.util.List<String> components = combo.components();
            for (int k = 0, kn = components.size(); k < kn && all; k++) {
                String comp = components.get(k);
                if ((used != null && used.contains(comp)) || plan.billedUnits(comp, false) == 0) all = false;
            }
            if (!all) continue;
            if (found == null) {
                found = new ArrayList<>(1);
                used = new HashSet<>();
            }
            used.addAll(components);
            found.add(combo);
        }
        return found == null ? java.util.List.of() : found;
    }

    public static void claimsOnly(CodingPlan plan) {
        for (Drug combo : splitCombinations(plan)) {
            plan.combinationSplit();
            int cu = 0;
            BigDecimal cv = BigDecimal.ZERO;
            for (String comp : combo.components()) {
                int u = plan.billedUnits(comp, false);
                cu += u;
                cv = cv.add(plan.amount(comp, u));
            }
            ClaimLine first = plan.firstLine(combo.components().get(0));
            plan.finding(FindingKind.COMBINATION_PRODUCT_SPLIT, RULE.id(), combo.components().get(0),
                    combo.hcpcs(), cu, 0, cv, BigDecimal.ZERO, Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                    "every component of " + combo.name() + " (" + String.join(", ", combo.components()) + ") is billed and the product's own code "
                            + combo.hcpcs() + " is not: verify whether the fixed-dose combination was given (then bill " + combo.hcpcs()
                            + " with one administration)", first == null ? null : first.lineNumber());
        }
    }

    /** Comparison: with a combination product split, an extra SC/IM code billed is the split's (one injection is one administration). */
    public static final ItemRule<AdminDifference> BILLED_ONLY = ItemRule.of(RULE, "an extra injection billed for a split combination: COMBINATION_PRODUCT_SPLIT",
            (p, d) -> d.combinationSplit() && d.group() == CodeGroup.SC_IM, CombinationProducts::extraInjection);

    public static void extraInjection(CodingPlan plan, AdminDifference d) {
        String bc = d.billedCode();
        plan.finding(FindingKind.COMBINATION_PRODUCT_SPLIT, RULE.id(), bc, null, d.units, 0, plan.amount(bc, d.units), BigDecimal.ZERO,
                Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                "one injection of a fixed-dose combination product is one administration; the extra " + bc + " is not supported", d.billedLine());
    }

    /** Claims-only: a combination product billed as all its components counts as the product (its usual route, one drug). */
    public static final PlanRule CLAIMS_ONLY_PRODUCTS = PlanRule.of(RULE, "components billed count as the product",
            p -> true, CombinationProducts::countAsProduct);

    public static void countAsProduct(CodingPlan plan) {
        io.oncoaudit.core.recode.ClaimsOnlyPlan c = plan.claimsOnly();
        c.combinations = splitCombinations(plan);
        for (Drug d : c.combinations) c.components.addAll(d.components());
        for (Drug d : c.combinations) if (d.usualRoute() != null && d.usualRoute().subcutaneousOrIntramuscular()) c.scImDrugs.add(d);
    }
}
