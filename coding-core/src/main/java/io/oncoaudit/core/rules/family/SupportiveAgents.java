package io.oncoaudit.core.rules.family;

import io.oncoaudit.core.recode.AdminDifference;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.rules.hierarchy.OneInitialService;

import io.oncoaudit.core.rules.Rule;
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
}
