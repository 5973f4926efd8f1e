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
import io.oncoaudit.core.tables.PayerPolicy;
import java.util.List;

/**
 * CMS Transmittal 129 / CR 3631; Noridian A52953: antineoplastics and MAbs/BRMs take chemotherapy administration codes.
 */
public final class ChemotherapyFamily {
    public static final Rule RULE = new Rule("OA-FAM-001", "family",
            "Which drugs take chemotherapy administration codes",
            "Antineoplastic drugs (also when given for a non-cancer diagnosis) and monoclonal antibodies / biologic response modifiers take the chemotherapy family (96401-96549). A payer policy may require the therapeutic family for biologics given without a neoplasm diagnosis; never the Medicare default.",
            List.of("CMS Transmittal 129 / CR 3631 (eff. 2005-01-01)", "Noridian JE Part B Coverage Article A52953 (CPT text as adopted by the MAC)",
                    "NOTES 1.5; product decision 4"),
            "SEED-004 says rituximab for RA / infliximab for Crohn's 'use 96365' and that the diagnosis drives the code: under the CMS text the chemotherapy family applies to MAbs/BRMs; the therapeutic family is a payer-specific override (payers.csv).",
            "CMS Transmittal 129 and the MAC's chemotherapy administration article apply the chemotherapy administration codes to antineoplastic agents, including when given for non-cancer diagnoses, and to monoclonal antibodies and other biologic response modifiers.");

    private ChemotherapyFamily() { }

    /** The administration family of a drug, given the diagnoses and the payer's policy. */
    public static AdminFamily of(Drug drug, boolean cancerDiagnosis, PayerPolicy payer) {
        return switch (drug.drugClass()) {
            case NON_HORMONAL_ANTINEOPLASTIC -> AdminFamily.CHEMOTHERAPY;
            // class follows drug and indication: a hormone given for endometriosis or fertility is not antineoplastic therapy
            case HORMONAL_ANTINEOPLASTIC -> cancerDiagnosis ? AdminFamily.CHEMOTHERAPY : SupportiveAgents.FAMILY;
            case BIOLOGIC_RESPONSE_MODIFIER -> (payer.biologicsNonCancerTherapeutic() && !cancerDiagnosis)
                    ? AdminFamily.THERAPEUTIC : AdminFamily.CHEMOTHERAPY;
            case HYDRATION_FLUID -> AdminFamily.HYDRATION;
            case SUPPORTIVE, OTHER, UNCLASSIFIED -> SupportiveAgents.FAMILY;
        };
    }

    /** Comparison: a non-chemotherapy code billed for a chemotherapy administration (underpayment). */
    public static final ItemRule<AdminDifference> PAIR = ItemRule.of(RULE, "a non-chemotherapy code billed for chemotherapy: CHEMO_BILLED_AS_THERAPEUTIC",
            (p, d) -> (d.sameSlot() || !d.familyNeutral()) && d.billed().family() != AdminFamily.CHEMOTHERAPY
                    && d.expected().family() == AdminFamily.CHEMOTHERAPY, ChemotherapyFamily::billedAsTherapeutic);

    public static void billedAsTherapeutic(CodingPlan plan, AdminDifference d) {
        d.kind = FindingKind.CHEMO_BILLED_AS_THERAPEUTIC;
        d.forced = Direction.UNDERPAYMENT;
        d.lead = "non-chemotherapy code " + d.billedCode() + " billed for a chemotherapy administration; expected " + d.expectedCode();
        if (d.ruleId.equals(OneInitialService.RULE.id())) d.ruleId = RULE.id();
    }

    /** Claims-only: the IV codes' family follows the IV drugs billed (therapeutic codes billed for a chemotherapy drug: the chemotherapy codes). */
    public static final PlanRule CLAIMS_ONLY = PlanRule.of(RULE, "therapeutic IV codes billed for a chemotherapy drug: chemotherapy codes (only the initial and its hours when non-chemotherapy drugs are billed too)",
            p -> !p.claimsOnly().scImOnly && !p.claimsOnly().iv.isEmpty() && !SupportiveAgents.billedFamily(p, AdminFamily.CHEMOTHERAPY) && SupportiveAgents.billedFamily(p, AdminFamily.THERAPEUTIC) && p.claimsOnly().chemoIv > 0, ChemotherapyFamily::claimsOnly);

    public static void claimsOnly(CodingPlan plan) {
        io.oncoaudit.core.recode.ClaimsOnlyPlan c = plan.claimsOnly();
        java.util.List<io.oncoaudit.core.recode.Coded> out = new java.util.ArrayList<>(c.iv.size() + 1);
        String drugs = String.join(", ", c.ivNames);
        boolean allToChemo = c.nonChemoIv == 0 && c.unknown == 0;
        // with both chemo and non-chemo IV drugs billed, only the initial service (and its hours) is re-coded
        io.oncoaudit.core.recode.Coded initialToConvert = null;
        if (!allToChemo) {
            for (io.oncoaudit.core.recode.Coded b : c.iv) {
                io.oncoaudit.core.tables.AdminCode code = plan.admin(b.code);
                if (code.family() == AdminFamily.THERAPEUTIC && code.role() == io.oncoaudit.core.tables.AdminRole.INITIAL) { initialToConvert = b; break; }
            }
        }
        for (io.oncoaudit.core.recode.Coded b : c.iv) {
            io.oncoaudit.core.tables.AdminCode code = plan.admin(b.code);
            io.oncoaudit.core.tables.AdminCode target = null;
            if (code.family() == AdminFamily.THERAPEUTIC && !b.code.equals("96368")
                    && (allToChemo || b == initialToConvert || (initialToConvert != null && code.slot() == io.oncoaudit.core.tables.AdminSlot.IV_INFUSION_HOUR))) {
                target = plan.tables().adminCodes().equivalent(code.slot(), AdminFamily.CHEMOTHERAPY);
            }
            if (target == null) { out.add(b); continue; }
            String rule = target.family() == AdminFamily.CHEMOTHERAPY ? RULE.id() : SupportiveAgents.RULE.id();
            String reason = "a chemotherapy drug is billed (IV drugs: " + drugs + ") but its administration was billed as " + b.code + ": " + target.code();
            out.add(new io.oncoaudit.core.recode.Coded(target.code(), b.units, b.modifiers, rule, () -> reason));
        }
        c.iv = out;
    }
}
