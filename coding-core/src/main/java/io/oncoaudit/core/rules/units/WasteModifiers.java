package io.oncoaudit.core.rules.units;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.DrugExpectation;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.Drug;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * CMS JW/JZ requirement for single-dose containers (JZ required from 2023-07-01); Pub 100-04 ch.17 s.40.
 */
public final class WasteModifiers {
    public static final Rule RULE = new Rule("OA-WASTE-001", "units",
            "JW / JZ on single-dose-container drug lines",
            "Where the payer requires it (Medicare: DOS on or after 2023-07-01), a single-dose-container drug line carries JZ when nothing billable was discarded, or the administered line plus a separate JW line for the discarded units (units = ceil((dose + waste)/size) - ceil(dose/size)); JW is not permitted when rounding already covers the waste; never JW and JZ on one line; not for multi-dose containers.",
            List.of("CMS CR 'New Claims Modifier Requirement for Drugs and Biologicals from a Single-Dose Container' (2023)",
                    "CMS Pub 100-04 ch.17 section 40", "Noridian 'Modifier JZ' (JW not permitted when the unit covers dose + discard)", "NOTES 3.1 [S-JWJZ]; product decision 10"),
            null,
            "The drug came from a single-dose container; the discarded amount is documented in the record and reported on a separate line with modifier JW (or JZ where nothing was discarded), as CMS requires.");

    private WasteModifiers() { }

    // ---- decisions

    /** Full mode, each drug of the record: where the payer requires JW/JZ, a JW line for the discarded units or JZ on the line. */
    public static final ItemRule<DrugExpectation> LINES = ItemRule.of(RULE, "JW line for discarded units, or JZ on the drug line",
            (p, x) -> x.jwJzRequired, WasteModifiers::lines);

    /** Full mode, comparison of each drug not accounted for otherwise: JW units, JW/JZ presence, JW on a multi-dose container. */
    public static final ItemRule<DrugExpectation> COMPARE = ItemRule.of(RULE, "JW units and JW/JZ on the billed lines: WASTE_MODIFIER",
            (p, x) -> !x.covered, WasteModifiers::compare);

    /** Claims-only, each billed drug line: JW and JZ together, JW on a multi-dose container, a single-dose container without either. */
    public static final ItemRule<ClaimLine> CLAIMS_ONLY = ItemRule.of(RULE, "JW/JZ on each billed drug line: WASTE_MODIFIER",
            (p, l) -> p.drug(l.procedureCode()) != null, WasteModifiers::checkLine);

    private static final java.util.List<String> JZ = java.util.List.of("JZ");
    private static final java.util.List<String> JW = java.util.List.of("JW");

    private static java.util.List<String> with(java.util.List<String> mods, String m) {
        if (mods.isEmpty()) return m.equals("JZ") ? JZ : m.equals("JW") ? JW : java.util.List.of(m);
        java.util.List<String> out = new ArrayList<>(mods);
        out.add(m);
        return out;
    }

    /** Action: discarded units on a separate JW line; nothing discarded beyond the rounded-up units: JZ on the drug line. */
    public static void lines(CodingPlan plan, DrugExpectation x) {
        if (x.wasteUnits > 0) {
            x.lines.add(new Coded(x.drug.hcpcs(), x.wasteUnits, with(x.keptModifiers, "JW"), RULE.id(),
                    () -> DrugUnits.plain(x.wasted) + " " + x.drug.billingUnit().label() + " discarded from a single-dose container: " + x.wasteUnits
                            + " unit(s) on a separate JW line (units of dose + waste " + (x.units + x.wasteUnits) + " minus administered " + x.units + ")"));
        } else {
            x.lines.add(new Coded(x.drug.hcpcs(), x.units, with(x.keptModifiers, "JZ"), DrugUnits.RULE.id(),
                    () -> DrugUnits.reason(x) + "; single-dose container with no billable discarded amount"
                            + (x.wasted.signum() > 0 ? " (the rounded-up units already cover the " + DrugUnits.plain(x.wasted) + " " + x.drug.billingUnit().label()
                            + " discarded, so JW is not permitted)" : "") + ": JZ"));
        }
    }

    public static void compare(CodingPlan plan, DrugExpectation x) {
        String code = x.drug.hcpcs();
        int billed = plan.billedUnits(code, false);
        int billedWaste = plan.billedUnits(code, true);
        ClaimLine first = plan.firstLine(code);
        Integer line = first == null ? null : first.lineNumber();
        if (x.jwJzRequired) {
            if (billedWaste != x.wasteUnits) {
                boolean under = billedWaste < x.wasteUnits;
                String why = x.wasteUnits > 0 ? x.lines.get(1).reason() : x.lines.get(0).reason();
                plan.finding(FindingKind.WASTE_MODIFIER, RULE.id(), code, code, billedWaste, x.wasteUnits,
                        plan.amount(code, billedWaste), plan.amount(code, x.wasteUnits), under ? Direction.UNDERPAYMENT : Direction.OVERPAYMENT, null,
                        (under ? "discarded units documented but not billed on a JW line: JW x" + x.wasteUnits + " expected, x" + billedWaste + " billed"
                               : "JW x" + billedWaste + " billed but the documented discarded amount supports x" + x.wasteUnits) + ". " + why,
                        line);
            }
            ClaimLine admin = null;
            java.util.List<ClaimLine> lines = plan.encounter().lines();
            for (int li = 0, ln = lines.size(); li < ln; li++) {
                ClaimLine l = lines.get(li);
                if (l.procedureCode().equals(code) && !(l.hasModifier("JW") && !l.hasModifier("JZ"))) { admin = l; break; }
            }
            if (admin != null && billed > 0) {
                boolean jz = admin.hasModifier("JZ"), jw = admin.hasModifier("JW");
                boolean wantJz = x.wasteUnits == 0;
                String problem = null;
                if (jz && jw) problem = "JW and JZ on the same line (mutually exclusive)";
                else if (!jz && wantJz) problem = "single-dose-container drug line without JZ (nothing billable was discarded): the claim is returned as unprocessable without JW/JZ";
                else if (jz && !wantJz) problem = "JZ (zero discarded) on the line although a discarded amount is documented";
                if (problem != null) {
                    BigDecimal v = plan.amount(code, x.units);
                    plan.finding(FindingKind.WASTE_MODIFIER, RULE.id(), code, code, billed, x.units,
                            v, v, Direction.DENIAL, Direction.DENIAL, problem + ". " + x.lines.get(0).reason(), admin.lineNumber());
                }
            }
        } else if (billedWaste > 0 && !x.drug.singleDoseContainer()) {
            Integer wasteLine = null;
            for (ClaimLine l : plan.encounter().lines()) if (l.procedureCode().equals(code) && l.hasModifier("JW")) { wasteLine = l.lineNumber(); break; }
            plan.finding(FindingKind.WASTE_MODIFIER, RULE.id(), code, code, billedWaste, 0,
                    plan.amount(code, billedWaste), BigDecimal.ZERO, Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                    x.drug.name() + " comes in a multi-dose container: discarded amounts (JW) are not billable", wasteLine);
        }
    }

    /** Action (claims-only): the line's JW/JZ problem, if any; a missing JW/JZ is reported once per drug code. */
    public static void checkLine(CodingPlan plan, ClaimLine l) {
        Drug d = plan.drug(l.procedureCode());
        boolean required = plan.payer().requiresJwJz(plan.encounter().dateOfService());
        boolean jw = l.hasModifier("JW"), jz = l.hasModifier("JZ");
        String problem = null;
        Direction dir = Direction.DENIAL;
        if (jw && jz) problem = "JW and JZ on the same line (mutually exclusive)";
        else if (jw && !d.singleDoseContainer()) { problem = d.name() + " comes in a multi-dose container: discarded amounts (JW) are not billable"; dir = Direction.OVERPAYMENT; }
        else if (required && d.singleDoseContainer() && !jw && !jz && plan.billedUnits(l.procedureCode(), true) == 0 && plan.firstJwJzCheck(l.procedureCode())) {
            problem = "single-dose-container drug line without JW or JZ: Medicare returns it as unprocessable";
        }
        if (problem != null) {
            BigDecimal v = plan.amount(l.procedureCode(), l.wholeUnits());
            plan.finding(FindingKind.WASTE_MODIFIER, RULE.id(), l.procedureCode(), l.procedureCode(),
                    l.wholeUnits(), dir == Direction.OVERPAYMENT ? 0 : l.wholeUnits(), v, dir == Direction.OVERPAYMENT ? BigDecimal.ZERO : v, dir, dir,
                    problem, l.lineNumber());
        }
    }
}
