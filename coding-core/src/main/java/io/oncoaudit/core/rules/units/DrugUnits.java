package io.oncoaudit.core.rules.units;

import io.oncoaudit.core.model.Codes;
import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.DrugExpectation;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.Drug;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * CMS Recovery Audit issue 0074 and Pub 100-04 Transmittal 2193: units in multiples of the descriptor, rounded up.
 */
public final class DrugUnits {
    public static final Rule RULE = new Rule("OA-UNITS-001", "units",
            "Drug units: dose / billing-unit size, rounded up",
            "Units = total dose given in the encounter / the HCPCS descriptor amount, rounded up to a whole unit; a dose below one unit is 1 unit. Mass units convert (g, mg, mcg).",
            List.of("CMS Recovery Audit approved issue 0074 (units in multiples of the descriptor; round up)",
                    "CMS Pub 100-04 Transmittal 2193 (J9355 140 mg = 14 units)", "CGS 'JW and JZ Modifier Guidelines' (Jun 2023)", "NOTES 3.1; product decision 9"),
            "SEED-004 bills carboplatin J9045 at 10 mg (x65), cisplatin J9060 at 1 mg (x135), pemetrexed 900 mg as x100 and methylprednisolone 100 mg as J2920 x2; SEED-001 bills doxorubicin 60 mg as J9000 x10; SEED-003 lists paclitaxel J9265 30 mg, rituximab J9312 100 mg, durvalumab J0179 and pegfilgrastim J2505. Correct: J9045 50 mg (x13), J9060 10 mg (x14), J9305 x90, J2920 x3, J9000 x6, J9267 1 mg, J9312 10 mg, J9173, J2506 0.5 mg.",
            "Units are reported in multiples of the dosage in the HCPCS long descriptor, rounded up to the next whole unit.");

    private DrugUnits() { }

    // ---- decisions

    /** Full mode, each drug of the record: a billing unit that is not a mass, unit or volume: units not checked. */
    public static final ItemRule<DrugExpectation> BILLING_UNIT = ItemRule.of(RULE, "a billing unit that is not a mass, unit or volume: not checked",
            (p, x) -> x.drug.billingUnit() == null, DrugUnits::notMeasurable);

    /** Full mode, each drug of the record: the total dose (and discarded amount) in billing units, rounded up, at least 1. */
    public static final ItemRule<DrugExpectation> DOSE = ItemRule.of(RULE, "units = total dose / billing-unit size rounded up, at least 1",
            (p, x) -> true, DrugUnits::dose);

    /** Full mode, each drug of the record: the units line (not when JZ goes on it: OA-WASTE-001 writes that one). */
    public static final ItemRule<DrugExpectation> LINE = ItemRule.of(RULE, "the drug line with its units",
            (p, x) -> !(x.jwJzRequired && x.wasteUnits == 0), DrugUnits::line);

    /** Full mode, comparison of each drug not accounted for otherwise: billed units against the documented dose. */
    public static final ItemRule<DrugExpectation> COMPARE = ItemRule.of(RULE, "billed units against the documented dose: DRUG_UNITS",
            (p, x) -> !x.covered, DrugUnits::compare);

    /** Full mode, after the comparison: drug lines with no administration in the record. */
    public static final PlanRule UNDOCUMENTED = PlanRule.of(RULE, "a drug billed without a documented administration: DRUG_UNITS",
            p -> true, DrugUnits::undocumented);

    public static void notMeasurable(CodingPlan plan, DrugExpectation x) {
        plan.warn(x.drug.hcpcs() + " is billed per '" + x.drug.citation() + "': not a mass, unit or volume, units not checked");
        plan.uncheckedDrug(x.billedAs);
        plan.uncheckedDrug(x.drug.hcpcs());
        x.stopped = true;
    }

    /** Action: the documented dose and waste converted to the billing unit (else a warning and not checked); units and waste units. */
    public static void dose(CodingPlan plan, DrugExpectation x) {
        Drug coded = x.drug;
        java.util.List<Administration> all = plan.encounter().administrations();
        BigDecimal dose = BigDecimal.ZERO, waste = BigDecimal.ZERO;
        for (int aj = x.firstAdministration(); aj < all.size(); aj++) {
            Administration a = all.get(aj);
            if (!a.drugCode().equals(x.billedAs)) continue;
            BigDecimal d = a.doseUnit().convert(a.dose(), coded.billingUnit());
            BigDecimal w = a.doseUnit().convert(a.wastedOrZero(), coded.billingUnit());
            if (d == null || w == null) {
                plan.warn("dose of administration " + a.administrationId() + " is in " + a.doseUnit().label() + " but "
                        + coded.hcpcs() + " is billed per " + coded.billingUnitSize().stripTrailingZeros().toPlainString() + " "
                        + coded.billingUnit().label() + ": units not checked");
                plan.uncheckedDrug(x.billedAs);
                plan.uncheckedDrug(coded.hcpcs());
                x.stopped = true;
                return;
            }
            dose = dose == BigDecimal.ZERO && d.scale() >= 0 ? d : dose.add(d); // 0 + d is d (same value and scale)
            waste = waste.add(w);
        }
        BigDecimal size = coded.billingUnitSize();
        // exact quotient rounded up to a whole unit (one division to scale 0, no intermediate rounding)
        int units = Math.max(1, dose.divide(size, 0, RoundingMode.CEILING).intValueExact());
        int total = waste.signum() == 0 ? units : Math.max(units, dose.add(waste).divide(size, 0, RoundingMode.CEILING).intValueExact());
        x.dose = dose;
        x.wasted = waste;
        x.units = units;
        x.wasteUnits = total - units;
        x.jwJzRequired = coded.singleDoseContainer() && plan.payer().requiresJwJz(plan.encounter().dateOfService());
        x.keptModifiers = otherModifiers(plan, coded.hcpcs(), x.billedAs);
    }

    /** Action: the units line with the billed line's other modifiers. */
    public static void line(CodingPlan plan, DrugExpectation x) {
        x.lines.add(new Coded(x.drug.hcpcs(), x.units, x.keptModifiers, RULE.id(), () -> reason(x)));
    }

    /** How the units were computed, in words an auditor can check. */
    public static String reason(DrugExpectation x) {
        return x.drug.name() + " (" + x.drug.hcpcs() + "): " + plain(x.dose) + " "
                + x.drug.billingUnit().label() + " / " + plain(x.drug.billingUnitSize()) + " " + x.drug.billingUnit().label() + " per unit = "
                + plain(x.dose.divide(x.drug.billingUnitSize(), MathContext.DECIMAL64)) + ", rounded up: " + x.units + " unit(s)";
    }

    /** Modifiers of the billed drug line other than JW/JZ (340B JG/TB, KX, ...) are kept on the expected line. */
    private static java.util.List<String> otherModifiers(CodingPlan plan, String code, String billedAs) {
        java.util.List<ClaimLine> lines = plan.encounter().lines();
        for (int li = 0, lin = lines.size(); li < lin; li++) {
            ClaimLine l = lines.get(li);
            if ((Codes.same(l.procedureCode(), code) || Codes.same(l.procedureCode(), billedAs)) && !l.hasModifier("JW")) {
                java.util.List<String> mods = l.modifiers();
                int keep = 0;
                for (int m = 0, mn = mods.size(); m < mn; m++) if (!waste(mods.get(m))) keep++;
                if (keep == 0) return java.util.List.of();
                java.util.List<String> kept = new ArrayList<>(keep);
                for (int m = 0, mn = mods.size(); m < mn; m++) if (!waste(mods.get(m))) kept.add(mods.get(m).toUpperCase());
                return kept;
            }
        }
        return java.util.List.of();
    }

    private static boolean waste(String modifier) { return modifier.equalsIgnoreCase("JW") || modifier.equalsIgnoreCase("JZ"); }

    public static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() > 4) s = s.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return s.toPlainString();
    }

    /** The expected drug lines' value. */
    public static BigDecimal value(CodingPlan plan, DrugExpectation x) {
        BigDecimal v = BigDecimal.ZERO;
        for (Coded c : x.lines) v = v.add(plan.amount(c.code, c.units));
        return v;
    }

    /** Action: billed units against the documented units (a denied line: DENIAL); a code with no price is warned. */
    public static void compare(CodingPlan plan, DrugExpectation x) {
        String code = x.drug.hcpcs();
        int billed = plan.billedUnits(code, false);
        ClaimLine first = plan.firstLine(code);
        Integer line = first == null ? null : first.lineNumber();
        BigDecimal price = plan.perUnit(code);
        if (billed != x.units) {
            boolean denied = false;
            for (ClaimLine l : plan.encounter().lines()) if (l.procedureCode().equals(code) && l.denied()) { denied = true; break; }
            plan.finding(FindingKind.DRUG_UNITS, RULE.id(), billed == 0 ? null : code, code, billed, x.units,
                    plan.amount(code, billed), plan.amount(code, x.units), denied ? Direction.DENIAL : null, Direction.OVERPAYMENT,
                    (billed == 0 ? code + " documented as given but not billed" : code + " billed x" + billed + " but the documented dose is " + x.units + " unit(s)")
                            + ". " + x.lines.get(0).reason(), line);
        }
        if (price.signum() == 0 && billed != x.units) plan.warn("no price for " + code + ": the unit difference is valued at 0.00");
    }

    /** Action: each known drug code billed but neither documented nor accounted for (deleted code, component) is an overpayment risk. */
    public static void undocumented(CodingPlan plan) {
        java.util.List<DrugExpectation> drugs = plan.drugs();
        java.util.List<ClaimLine> lines = plan.encounter().lines();
        lines:
        for (int li = 0, lin = lines.size(); li < lin; li++) {
            ClaimLine l = lines.get(li);
            String c = l.procedureCode();
            if (accounted(drugs, c) || plan.isUncheckedDrug(c)) continue;
            for (int lj = 0; lj < li; lj++) if (Codes.same(lines.get(lj).procedureCode(), c)) continue lines; // one finding per code
            Drug d = plan.drug(c);
            if (d == null) {
                if (looksLikeDrugCode(c)) plan.warn("unknown drug code " + c + " on line " + l.lineNumber() + ": passed through unchecked");
                continue;
            }
            int u = plan.billedUnits(c, false) + plan.billedUnits(c, true);
            plan.finding(FindingKind.DRUG_UNITS, RULE.id(), c, c, u, 0,
                    plan.amount(c, u), BigDecimal.ZERO, Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                    d.name() + " (" + c + ") billed x" + u + " but no administration of it is documented in the record", l.lineNumber());
        }
    }

    /** The code is a documented drug's (its code, the code it was billed as, or a component of its combination product). */
    private static boolean accounted(java.util.List<DrugExpectation> drugs, String code) {
        for (int i = 0, n = drugs.size(); i < n; i++) {
            DrugExpectation x = drugs.get(i);
            if (x.stopped) continue;
            if (Codes.same(x.drug.hcpcs(), code) || Codes.same(x.billedAs, code)) return true;
            if (x.drug.combinationProduct() && Codes.contains(x.drug.components(), code)) return true;
        }
        return false;
    }

    /** HCPCS drug-like codes (J, Q5, most Q0) that the drug table does not know. */
    public static boolean looksLikeDrugCode(String code) {
        return code != null && code.length() == 5 && (code.charAt(0) == 'J' || code.startsWith("Q5") || code.startsWith("Q0"));
    }
}
