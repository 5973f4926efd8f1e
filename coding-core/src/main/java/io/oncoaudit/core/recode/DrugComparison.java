package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.Drug;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares billed drug lines with the expected ones: units (OA-UNITS-001), deleted codes (OA-UNITS-002),
 * JW/JZ (OA-WASTE-001) and combination products split into their components (OA-COMBO-001).
 */
final class DrugComparison {
    private DrugComparison() { }

    /** Full mode. Returns the billed drug codes accounted for (so that the caller can flag the rest). */
    static boolean compare(Context ctx, List<DrugLineCoder.DrugExpectation> expectations, List<Finding> findings) {
        List<String> accounted = new java.util.ArrayList<>(8);
        boolean split = false;
        for (DrugLineCoder.DrugExpectation x : expectations) {
            String code = x.drug.hcpcs();
            accounted.add(code);
            boolean covered = false;
            // a deleted code billed for this drug
            if (!x.billedAs.equals(code)) {
                accounted.add(x.billedAs);
                int old = units(ctx, x.billedAs, false) + units(ctx, x.billedAs, true);
                if (old > 0) {
                    covered = true;
                    BigDecimal ev = value(ctx, x);
                    findings.add(Findings.make(ctx, FindingKind.INVALID_DRUG_CODE, RuleCatalog.DRUG_CODE_VALID.id(), x.billedAs, code, old, x.units,
                            ctx.pricer.amount(x.billedAs, old), ev, Direction.DENIAL, Direction.DENIAL,
                            x.billedAs + " is not valid on " + ctx.encounter.dateOfService() + "; the drug is billed as " + code
                                    + " (" + x.drug.name() + ") x" + x.units + ". " + x.lines.get(0).reason(), firstLine(ctx, x.billedAs)));
                }
            }
            // a combination product billed as its components
            if (x.drug.combinationProduct()) {
                int compUnits = 0;
                BigDecimal compValue = BigDecimal.ZERO;
                String firstComp = null;
                Integer line = null;
                for (String comp : x.drug.components()) {
                    accounted.add(comp);
                    int u = units(ctx, comp, false) + units(ctx, comp, true);
                    if (u > 0) {
                        if (firstComp == null) { firstComp = comp; line = firstLine(ctx, comp); }
                        compUnits += u;
                        compValue = compValue.add(ctx.pricer.amount(comp, u));
                    }
                }
                if (firstComp != null) {
                    split = true;
                    covered = units(ctx, code, false) == 0;
                    BigDecimal ev = covered ? value(ctx, x) : BigDecimal.ZERO;
                    findings.add(Findings.make(ctx, FindingKind.COMBINATION_PRODUCT_SPLIT, RuleCatalog.COMBINATION_PRODUCT.id(), firstComp, code,
                            compUnits, covered ? x.units : 0, compValue, ev, null, Direction.OVERPAYMENT,
                            x.drug.name() + " is one fixed-dose combination product billed as " + code + "; its components ("
                                    + String.join(", ", x.drug.components()) + ") were billed separately. " + x.lines.get(0).reason(), line));
                }
            }
            if (!covered) compareUnits(ctx, x, findings);
        }
        flagUndocumented(ctx, accounted, findings);
        return split;
    }

    private static void compareUnits(Context ctx, DrugLineCoder.DrugExpectation x, List<Finding> findings) {
        String code = x.drug.hcpcs();
        int billed = units(ctx, code, false);
        int billedWaste = units(ctx, code, true);
        Integer line = firstLine(ctx, code);
        BigDecimal price = ctx.pricer.perUnit(code);
        if (billed != x.units) {
            boolean denied = anyDenied(ctx, code);
            findings.add(Findings.make(ctx, FindingKind.DRUG_UNITS, RuleCatalog.DRUG_UNITS.id(), billed == 0 ? null : code, code, billed, x.units,
                    ctx.pricer.amount(code, billed), ctx.pricer.amount(code, x.units), denied ? Direction.DENIAL : null, Direction.OVERPAYMENT,
                    (billed == 0 ? code + " documented as given but not billed" : code + " billed x" + billed + " but the documented dose is " + x.units + " unit(s)")
                            + ". " + x.lines.get(0).reason(), line));
        }
        if (x.jwJzRequired) {
            if (billedWaste != x.wasteUnits) {
                boolean under = billedWaste < x.wasteUnits;
                String why = x.wasteUnits > 0 ? x.lines.get(1).reason() : x.lines.get(0).reason();
                findings.add(Findings.make(ctx, FindingKind.WASTE_MODIFIER, RuleCatalog.WASTE_MODIFIERS.id(), code, code, billedWaste, x.wasteUnits,
                        ctx.pricer.amount(code, billedWaste), ctx.pricer.amount(code, x.wasteUnits), under ? Direction.UNDERPAYMENT : Direction.OVERPAYMENT, null,
                        (under ? "discarded units documented but not billed on a JW line: JW x" + x.wasteUnits + " expected, x" + billedWaste + " billed"
                               : "JW x" + billedWaste + " billed but the documented discarded amount supports x" + x.wasteUnits) + ". " + why,
                        line));
            }
            ClaimLine admin = firstAdministeredLine(ctx, code);
            if (admin != null && billed > 0) {
                boolean jz = admin.hasModifier("JZ"), jw = admin.hasModifier("JW");
                boolean wantJz = x.wasteUnits == 0;
                String problem = null;
                if (jz && jw) problem = "JW and JZ on the same line (mutually exclusive)";
                else if (!jz && wantJz) problem = "single-dose-container drug line without JZ (nothing billable was discarded): the claim is returned as unprocessable without JW/JZ";
                else if (jz && !wantJz) problem = "JZ (zero discarded) on the line although a discarded amount is documented";
                if (problem != null) {
                    BigDecimal v = ctx.pricer.amount(code, x.units);
                    findings.add(Findings.make(ctx, FindingKind.WASTE_MODIFIER, RuleCatalog.WASTE_MODIFIERS.id(), code, code, billed, x.units,
                            v, v, Direction.DENIAL, Direction.DENIAL, problem + ". " + x.lines.get(0).reason(), admin.lineNumber()));
                }
            }
        } else if (billedWaste > 0 && !x.drug.singleDoseContainer()) {
            findings.add(Findings.make(ctx, FindingKind.WASTE_MODIFIER, RuleCatalog.WASTE_MODIFIERS.id(), code, code, billedWaste, 0,
                    ctx.pricer.amount(code, billedWaste), BigDecimal.ZERO, Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                    x.drug.name() + " comes in a multi-dose container: discarded amounts (JW) are not billable", firstWasteLine(ctx, code)));
        }
        if (price.signum() == 0 && billed != x.units) ctx.warn("no price for " + code + ": the unit difference is valued at 0.00");
    }

    /** Drug lines with no administration in the record: an overpayment risk on audit. */
    private static void flagUndocumented(Context ctx, List<String> accounted, List<Finding> findings) {
        List<String> seen = new java.util.ArrayList<>(4);
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            String c = l.procedureCode();
            if (accounted.contains(c) || seen.contains(c) || ctx.isUncheckedDrug(c)) continue;
            seen.add(c);
            Drug d = ctx.drug(c);
            if (d == null) {
                if (Context.looksLikeDrugCode(c)) ctx.warn("unknown drug code " + c + " on line " + l.lineNumber() + ": passed through unchecked");
                continue;
            }
            int u = units(ctx, c, false) + units(ctx, c, true);
            findings.add(Findings.make(ctx, FindingKind.DRUG_UNITS, RuleCatalog.DRUG_UNITS.id(), c, c, u, 0,
                    ctx.pricer.amount(c, u), BigDecimal.ZERO, Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                    d.name() + " (" + c + ") billed x" + u + " but no administration of it is documented in the record", l.lineNumber()));
        }
    }

    static BigDecimal value(Context ctx, DrugLineCoder.DrugExpectation x) {
        BigDecimal v = BigDecimal.ZERO;
        for (Coded c : x.lines) v = v.add(ctx.pricer.amount(c.code, c.units));
        return v;
    }

    /** Units billed for {@code code}, on JW lines ({@code waste}) or on the other lines. */
    static int units(Context ctx, String code, boolean waste) {
        int n = 0;
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            if (l.procedureCode().equals(code) && l.hasModifier("JW") == waste) n += l.wholeUnits();
        }
        return n;
    }

    private static boolean anyDenied(Context ctx, String code) {
        for (ClaimLine l : ctx.encounter.lines()) if (l.procedureCode().equals(code) && l.denied()) return true;
        return false;
    }

    private static Integer firstLine(Context ctx, String code) {
        for (ClaimLine l : ctx.encounter.lines()) if (l.procedureCode().equals(code)) return l.lineNumber();
        return null;
    }

    private static ClaimLine firstAdministeredLine(Context ctx, String code) {
        for (ClaimLine l : ctx.encounter.lines()) if (l.procedureCode().equals(code) && !(l.hasModifier("JW") && !l.hasModifier("JZ"))) return l;
        return null;
    }

    private static Integer firstWasteLine(Context ctx, String code) {
        for (ClaimLine l : ctx.encounter.lines()) if (l.procedureCode().equals(code) && l.hasModifier("JW")) return l.lineNumber();
        return null;
    }

    /**
     * Claims-only: combination products whose every component is billed while the product code is not. The
     * product with the most components wins and its components are not reused (Phesgo before Herceptin Hylecta).
     */
    static List<Drug> splitCombinations(Context ctx) {
        List<Drug> found = new java.util.ArrayList<>(1);
        Set<String> used = new HashSet<>();
        for (Drug combo : ctx.tables.drugs().combinationProducts()) {
            if (!combo.effectiveOn(ctx.encounter.dateOfService()) || units(ctx, combo.hcpcs(), false) > 0) continue;
            boolean all = true;
            for (String comp : combo.components()) if (used.contains(comp) || units(ctx, comp, false) == 0) { all = false; break; }
            if (!all) continue;
            used.addAll(combo.components());
            found.add(combo);
        }
        return found;
    }

    /** Claims-only mode: JW/JZ presence on single-dose-container lines; combination products billed as all their components. */
    static boolean claimsOnly(Context ctx, List<Finding> findings) {
        boolean split = false;
        boolean required = ctx.payer.requiresJwJz(ctx.encounter.dateOfService());
        Set<String> checked = new HashSet<>();
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            Drug d = ctx.drug(l.procedureCode());
            if (d == null) continue;
            boolean jw = l.hasModifier("JW"), jz = l.hasModifier("JZ");
            String problem = null;
            Direction dir = Direction.DENIAL;
            if (jw && jz) problem = "JW and JZ on the same line (mutually exclusive)";
            else if (jw && !d.singleDoseContainer()) { problem = d.name() + " comes in a multi-dose container: discarded amounts (JW) are not billable"; dir = Direction.OVERPAYMENT; }
            else if (required && d.singleDoseContainer() && !jw && !jz && units(ctx, l.procedureCode(), true) == 0 && checked.add(l.procedureCode())) {
                problem = "single-dose-container drug line without JW or JZ: Medicare returns it as unprocessable";
            }
            if (problem != null) {
                BigDecimal v = ctx.pricer.amount(l.procedureCode(), l.wholeUnits());
                findings.add(Findings.make(ctx, FindingKind.WASTE_MODIFIER, RuleCatalog.WASTE_MODIFIERS.id(), l.procedureCode(), l.procedureCode(),
                        l.wholeUnits(), dir == Direction.OVERPAYMENT ? 0 : l.wholeUnits(), v, dir == Direction.OVERPAYMENT ? BigDecimal.ZERO : v, dir, dir,
                        problem, l.lineNumber()));
            }
        }
        // components of a combination product all billed, the product itself not
        for (Drug combo : splitCombinations(ctx)) {
            split = true;
            int cu = 0;
            BigDecimal cv = BigDecimal.ZERO;
            for (String comp : combo.components()) {
                int u = units(ctx, comp, false);
                cu += u;
                cv = cv.add(ctx.pricer.amount(comp, u));
            }
            findings.add(Findings.make(ctx, FindingKind.COMBINATION_PRODUCT_SPLIT, RuleCatalog.COMBINATION_PRODUCT.id(), combo.components().get(0),
                    combo.hcpcs(), cu, 0, cv, BigDecimal.ZERO, Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                    "every component of " + combo.name() + " (" + String.join(", ", combo.components()) + ") is billed and the product's own code "
                            + combo.hcpcs() + " is not: verify whether the fixed-dose combination was given (then bill " + combo.hcpcs()
                            + " with one administration)", firstLine(ctx, combo.components().get(0))));
        }
        return split;
    }
}
