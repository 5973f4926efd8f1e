package io.oncoaudit.core.rules.family;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.AdminDifference;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.hierarchy.OneInitialService;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.DrugClass;
import java.util.List;

/**
 * CMS Transmittal 129 (anti-emetic and anti-anemia drugs are not chemotherapy); CPT Assistant May 2007 (leucovorin, mesna).
 */
public final class SupportiveAgents {
    public static final Rule RULE = new Rule("OA-FAM-002", "family",
            "Supportive and modulating agents take therapeutic codes",
            "Leucovorin, levoleucovorin, mesna, antiemetics, steroids, antihistamines, G-CSFs, anti-anemia and bone agents are administered with therapeutic codes (96365-96379, 96372), never chemotherapy codes.",
            List.of("CMS Transmittal 129: anti-anemia and anti-emetic drugs are not chemotherapy administration",
                    "CPT Assistant May 2007 (leucovorin/mesna: modulating/protective agents) as quoted in NOTES 1.5; product decision 6"),
            "SEED-003 bills G-CSF injections as 96401: G-CSFs are supportive; SC G-CSF is 96372 (96377 for an on-body injector).",
            "Supportive and modulating agents are reported with the therapeutic, prophylactic and diagnostic administration codes; CMS excludes anti-emetic and anti-anemia drugs from chemotherapy administration.");

    private SupportiveAgents() { }

    /** Supportive, modulating and other non-antineoplastic drugs take the therapeutic family. */
    public static final AdminFamily FAMILY = AdminFamily.THERAPEUTIC;

    public static boolean applies(Drug drug) {
        return drug.drugClass() == DrugClass.SUPPORTIVE || drug.drugClass() == DrugClass.OTHER;
    }

    /** Comparison: a chemotherapy code billed where the drug takes a therapeutic or hydration code (overpayment). */
    public static final ItemRule<AdminDifference> PAIR = ItemRule.of(RULE, "a chemotherapy code billed for a non-chemotherapy service: NON_CHEMO_BILLED_AS_CHEMO",
            (p, d) -> (d.sameSlot() || !d.familyNeutral()) && d.billed().family() == AdminFamily.CHEMOTHERAPY
                    && d.expected().family() != AdminFamily.CHEMOTHERAPY, SupportiveAgents::billedAsChemo);

    public static void billedAsChemo(CodingPlan plan, AdminDifference d) {
        d.kind = FindingKind.NON_CHEMO_BILLED_AS_CHEMO;
        d.forced = Direction.OVERPAYMENT;
        d.lead = "chemotherapy administration code " + d.billedCode() + " billed for a drug that takes the "
                + d.expected().family().name().toLowerCase() + " code " + d.expectedCode();
        if (d.ruleId.equals(OneInitialService.RULE.id()) || d.ruleId.equals(ScImInjectionCode.RULE.id())) d.ruleId = RULE.id();
    }

    /** Claims-only: the IV codes' family follows the IV drugs billed (chemotherapy codes billed and no chemotherapy drug: the therapeutic codes). */
    public static final PlanRule CLAIMS_ONLY = PlanRule.of(RULE, "chemotherapy IV codes billed, only non-chemotherapy IV drugs: therapeutic codes",
            p -> !p.claimsOnly().scImOnly && !p.claimsOnly().iv.isEmpty() && billedFamily(p, AdminFamily.CHEMOTHERAPY) && p.claimsOnly().chemoIv == 0 && p.claimsOnly().unknown == 0 && p.claimsOnly().nonChemoIv > 0, SupportiveAgents::claimsOnly);

    public static void claimsOnly(CodingPlan plan) {
        io.oncoaudit.core.recode.ClaimsOnlyPlan c = plan.claimsOnly();
        java.util.List<io.oncoaudit.core.recode.Coded> out = new java.util.ArrayList<>(c.iv.size() + 1);
        String drugs = String.join(", ", c.ivNames);
        for (io.oncoaudit.core.recode.Coded b : c.iv) {
            io.oncoaudit.core.tables.AdminCode code = plan.admin(b.code);
            io.oncoaudit.core.tables.AdminCode target = code.family() == AdminFamily.CHEMOTHERAPY
                    ? plan.tables().adminCodes().equivalent(code.slot(), AdminFamily.THERAPEUTIC) : null;
            if (target == null) { out.add(b); continue; }
            String rule = target.family() == AdminFamily.CHEMOTHERAPY ? ChemotherapyFamily.RULE.id() : RULE.id();
            String reason = "no chemotherapy drug is billed on the claim (IV drugs: " + drugs + "): " + b.code + " takes the therapeutic code" + ": " + target.code();
            out.add(new io.oncoaudit.core.recode.Coded(target.code(), b.units, b.modifiers, rule, () -> reason));
        }
        c.iv = out;
    }

    /** Claims-only: an IV code of {@code family} is billed (96368 does not count). */
    public static boolean billedFamily(CodingPlan plan, AdminFamily family) {
        for (io.oncoaudit.core.recode.Coded b : plan.claimsOnly().iv) {
            if (b.code.equals("96368")) continue;
            if (plan.admin(b.code).family() == family) return true;
        }
        return false;
    }
}
