package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.AdminFamily;
import java.time.Duration;
import java.util.List;

/**
 * CPT 96411 / 96375 / 96376 descriptors and parentheticals; CMS PFS 96376 status X.
 */
public final class AdditionalPush {
    public static final Rule RULE = new Rule("OA-SEQ-002", "hierarchy",
            "Additional IV pushes",
            "Each additional chemotherapy drug pushed is 96411; each additional non-chemotherapy drug pushed is 96375; the same non-chemotherapy drug pushed again at least 30 minutes later is 96376 in a facility only (PFS status X).",
            List.of("CPT 96411 / 96375 / 96376 descriptors and parentheticals", "CMS PFS RVU file CY2025: 96376 status X", "NOTES 1.1"),
            "SEED-003 calls a supportive push an add-on '96374': 96374 is an initial code; the add-on is 96375.",
            "CPT reports each additional sequential IV push of a new drug with an add-on code to the initial service.");

    private AdditionalPush() { }

    /** Minutes after the prior push of the same drug before a repeat is 96376 (facility only). */
    public static final int SAME_DRUG_MIN_MINUTES = 30;

    public static String additionalCode(AdminFamily family) {
        return family == AdminFamily.CHEMOTHERAPY ? "96411" : "96375";
    }

    // ---- decisions

    /** Full mode, each IV service placed: a further push is 96411/96375, the same drug again 96376 (facility), else warned. */
    public static final ItemRule<IvService> SERVICE = ItemRule.of(RULE, "a further push: 96411/96375, the same drug again 96376",
            (p, s) -> s.placement != IvService.Placement.INITIAL && s.mode == IvService.Mode.PUSH, AdditionalPush::code);

    public static void code(CodingPlan plan, IvService s) {
        String drugCode = s.first.drugCode();
        boolean chemo = s.family == AdminFamily.CHEMOTHERAPY;
        java.util.List<String> pushedDrugs = plan.pushedDrugs();
        java.util.List<java.time.LocalDateTime> pushEnds = plan.pushEnds();
        int prior = pushedDrugs.indexOf(drugCode);
        if (prior < 0) {
            pushedDrugs.add(drugCode);
            pushEnds.add(s.first.endTime());
            String code = additionalCode(s.family);
            plan.hierarchyCode(Coded.of(code, 1, RULE.id(), () -> s.drugLabel() + " pushed over " + s.minutes
                    + " minutes (15 or less = push) as an additional drug: " + code));
        } else if (!chemo && plan.setting() == Setting.FACILITY
                && Duration.between(pushEnds.get(prior), s.start()).toMinutes() >= SAME_DRUG_MIN_MINUTES) {
            plan.hierarchyCode(Coded.of("96376", 1, RULE.id(), () -> s.drugLabel()
                    + " pushed again at least 30 minutes after the prior push of the same drug (facility): 96376"));
        } else {
            plan.warn(s.drugLabel() + " is a repeat push of the same drug: not separately reportable here");
        }
        if (prior >= 0) pushEnds.set(prior, s.first.endTime());
    }
}
