package io.oncoaudit.core.rules.units;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.DrugExpectation;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.Drug;
import java.util.List;

/**
 * HCPCS annual updates: a deleted code is replaced by its successor on the date of service.
 */
public final class DrugCodeValid {
    public static final Rule RULE = new Rule("OA-UNITS-002", "units",
            "Drug code valid on the date of service",
            "A deleted HCPCS code is replaced by its successor (J2505 -> J2506 from 2022-01-01; J9265 -> J9267; J9310 -> J9312), with units recomputed on the successor's descriptor.",
            List.of("HCPCS annual updates; Amgen notice 'Updated HCPCS code ... Neulasta' (J2506 eff. 2022-01-01) (NOTES 3.2 [S-AMGEN])"),
            "SEED-003 lists J2505 and J9265, which are not valid for current dates of service.",
            "The drug is reported with the HCPCS code in effect on the date of service.");

    private DrugCodeValid() { }

    // ---- decisions

    /** Full mode, each drug of the record: a code not valid on the date of service is coded with its successor. */
    public static final ItemRule<DrugExpectation> SUCCESSOR = ItemRule.of(RULE, "a code not valid on the date of service: its successor",
            (p, x) -> !x.drug.effectiveOn(p.encounter().dateOfService()), DrugCodeValid::successor);

    /** Full mode, comparison of each drug: the deleted code billed is an invalid drug code (denied), corrected to the successor. */
    public static final ItemRule<DrugExpectation> COMPARE = ItemRule.of(RULE, "the deleted code billed: INVALID_DRUG_CODE",
            (p, x) -> !x.billedAs.equals(x.drug.hcpcs()), DrugCodeValid::compare);

    /** Action: the successor when the drug table has it, else a warning (units computed on the code's own descriptor). */
    public static void successor(CodingPlan plan, DrugExpectation x) {
        Drug drug = x.drug;
        Drug successor = drug.replacedBy() == null ? null : plan.drug(drug.replacedBy());
        if (successor != null) x.drug = successor;
        else plan.warn(x.billedAs + " is not valid on " + plan.encounter().dateOfService() + (drug.replacedBy() == null ? "" : " (successor "
                + drug.replacedBy() + " is not in the drug table)") + ": units computed on " + x.billedAs + "'s own descriptor");
    }

    public static void compare(CodingPlan plan, DrugExpectation x) {
        String code = x.drug.hcpcs();
        int old = plan.billedUnits(x.billedAs, false) + plan.billedUnits(x.billedAs, true);
        if (old == 0) return;
        x.covered = true;
        ClaimLine first = plan.firstLine(x.billedAs);
        plan.finding(FindingKind.INVALID_DRUG_CODE, RULE.id(), x.billedAs, code, old, x.units,
                plan.amount(x.billedAs, old), DrugUnits.value(plan, x), Direction.DENIAL, Direction.DENIAL,
                x.billedAs + " is not valid on " + plan.encounter().dateOfService() + "; the drug is billed as " + code
                        + " (" + x.drug.name() + ") x" + x.units + ". " + x.lines.get(0).reason(), first == null ? null : first.lineNumber());
    }
}
