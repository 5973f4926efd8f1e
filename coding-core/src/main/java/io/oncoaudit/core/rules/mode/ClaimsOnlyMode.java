package io.oncoaudit.core.rules.mode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.recode.ClaimsOnlyPlan;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.family.ChemotherapyFamily;
import io.oncoaudit.core.rules.hierarchy.SeparateAccess;
import io.oncoaudit.core.rules.route.RouteSpecificCodes;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.Drug;
import java.util.List;

/**
 * Contract section 4: without administrations, re-code administration codes from billed drugs and diagnoses.
 */
public final class ClaimsOnlyMode {
    public static final Rule RULE = new Rule("OA-CLAIMS-001", "mode",
            "Claims-only mode: re-code administration lines from the billed drugs",
            "Without an administration record, administration codes are re-coded from the billed drug codes (class, usual route) and the diagnoses; drug lines are left as billed; times and units that need the record are not judged.",
            List.of("CMS IOM 100-04 ch.12 s.30.5 (drug administration services: the drug given decides the administration code)", "Contract section 4", "Rules OA-FAM-001, OA-FAM-002, OA-SCIM-001, OA-HIER-001, OA-ADDON-001 applied to the billed lines"),
            null,
            "The billed drugs establish the administration family; the corrected administration codes follow CPT and CMS guidance for those drugs.");

    private ClaimsOnlyMode() { }

    // ---- decisions

    /** Each billed line: a billed administration code is the starting point, in its group (SC/IM, IV, other). */
    public static final ItemRule<ClaimLine> BILLED_CODE = ItemRule.of(RULE, "a billed administration code, as billed (59/XU kept as 59)",
            (p, l) -> p.admin(l.procedureCode()) != null, ClaimsOnlyMode::billedCode);

    /** Each billed line: a billed drug (not JW) by its usual route and family; a split combination's components count as the product. */
    public static final ItemRule<ClaimLine> BILLED_DRUG = ItemRule.of(RULE, "a billed drug by its usual route and family",
            (p, l) -> !l.hasModifier("JW") && p.admin(l.procedureCode()) == null && p.drug(l.procedureCode()) != null, ClaimsOnlyMode::billedDrug);

    /** Every billed drug is SC/IM-only: no IV administration code is kept or recommended. */
    public static final PlanRule SC_IM_ONLY = PlanRule.of(RULE, "every billed drug is SC/IM-only: no IV code kept",
            p -> !p.claimsOnly().scImDrugs.isEmpty() && p.claimsOnly().ivNames.isEmpty() && p.claimsOnly().unknown == 0,
            p -> p.claimsOnly().scImOnly = true);

    public static java.util.List<String> distinct(ClaimLine l) {
        return SeparateAccess.hasDistinctModifier(l) ? java.util.List.of(SeparateAccess.MODIFIER) : java.util.List.of();
    }

    public static void billedCode(CodingPlan plan, ClaimLine l) {
        AdminCode c = plan.admin(l.procedureCode());
        plan.claimsOnly().billed(c, new Coded(c.code(), l.wholeUnits(), distinct(l), RULE.id(), () -> "billed " + c.code() + " on line " + l.lineNumber()));
    }

    public static void billedDrug(CodingPlan plan, ClaimLine l) {
        ClaimsOnlyPlan c = plan.claimsOnly();
        Drug d = plan.drug(l.procedureCode());
        if (c.components.contains(d.hcpcs())) return;
        if (!d.effectiveOn(plan.encounter().dateOfService()) && d.replacedBy() != null && plan.drug(d.replacedBy()) != null) d = plan.drug(d.replacedBy());
        Route r = d.usualRoute();
        if (r != null && r.subcutaneousOrIntramuscular()) {
            if (!ClaimsOnlyPlan.containsCode(c.scImDrugs, d.hcpcs())) c.scImDrugs.add(d);
        } else if (r == Route.INTRAVESICAL || (r == Route.IMPLANT && RouteSpecificCodes.incisionImplant(d.hcpcs()))) {
            if (!ClaimsOnlyPlan.containsCode(c.localDrugs, d.hcpcs())) c.localDrugs.add(d);
        } else if (r == null || r == Route.IV) {
            if (d.injectableScIm()) c.scImCapable.add(d);
            AdminFamily f = ChemotherapyFamily.of(d, plan.cancerDiagnosis(), plan.payer());
            if (f == AdminFamily.CHEMOTHERAPY) c.chemoIv++;
            else if (f == AdminFamily.THERAPEUTIC) c.nonChemoIv++;
            c.ivNames.add(d.name() + " (" + d.hcpcs() + ", " + f.name().toLowerCase() + ")");
        }
    }
}
