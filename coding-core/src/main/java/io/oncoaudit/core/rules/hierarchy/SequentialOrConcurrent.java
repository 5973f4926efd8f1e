package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.AdminFamily;
import java.util.List;

/**
 * CPT 96367 / 96368 / 96417 descriptors and parentheticals; AAPC oxaliplatin + leucovorin = 96413 + 96368.
 */
public final class SequentialOrConcurrent {
    public static final Rule RULE = new Rule("OA-SEQ-001", "hierarchy",
            "Sequential vs concurrent infusions",
            "An infusion that overlaps another infusion in time (same access) is concurrent: 96368, once per encounter. One that follows is sequential: 96417 for a chemotherapy drug (with 96415 for its own extra hours), 96367 for a non-chemotherapy drug (with 96366 for its extra hours).",
            List.of("CPT 96367 / 96368 / 96417 descriptors and parentheticals ('report 96368 only once per encounter')",
                    "AAPC Oncology & Hematology Coding Alert: oxaliplatin with concurrent leucovorin = 96413 + 96368 (NOTES 1.4 [S-AAPC-CONC])",
                    "NOTES product decision 7"),
            "SEED-001 codes concurrent leucovorin as 96367 (sequential); SEED-004 calls 96416 'concurrent infusion' (96416 is a pump start); SEED-003 lists 96374 as an add-on. A concurrent second chemotherapy drug is also reported with 96368 (no chemotherapy-specific concurrent code exists; BELIEVED). No public authority confirms it (searched: the CPT 96368 descriptor as MAC articles quote it, CMS IOM 100-04 ch.12 s.30.5, the Noridian chemotherapy administration pages, NCCI Policy Manual ch.11); third-party guidance points the other way (AAPC Oncology & Hematology Coding Alert, 2006-02-22, citing CPT Assistant Nov 2005: a concurrent chemotherapy infusion is the unlisted 96549; ASCO 2008: 96368's predecessor 90768 was created for non-chemotherapy concurrent infusions), so it stays flagged for review.",
            "CPT distinguishes a sequential infusion of a new drug (96367/96417) from a concurrent infusion (96368), which is reported once per encounter.");

    private SequentialOrConcurrent() { }

    public static final String CONCURRENT = "96368";

    /** An infusion overlapping another through the same access is concurrent; otherwise sequential. */
    public static String sequentialCode(AdminFamily family) {
        return family == AdminFamily.CHEMOTHERAPY ? "96417" : "96367";
    }

    /** The additional-hour code of a family (also for the sequential drug's own hours). */
    public static String hourCode(AdminFamily family) {
        return switch (family) {
            case CHEMOTHERAPY -> "96415";
            case THERAPEUTIC -> "96366";
            case HYDRATION -> "96361";
        };
    }

    // ---- decisions

    /** Full mode: a drug infused twice (a pause, a restarted bag) through one access is one infusion whose minutes add up. */
    public static final PlanRule SAME_DRUG = PlanRule.of(RULE, "the same drug infused again is one infusion",
            p -> p.ivServices().size() > 1, SequentialOrConcurrent::mergeSameDrug);

    /** Full mode, each IV service placed: a further infusion is concurrent (96368, once) or sequential (96417, 96367). */
    public static final ItemRule<IvService> SERVICE = ItemRule.of(RULE, "a further infusion: concurrent 96368 or sequential 96417/96367",
            (p, s) -> s.placement != IvService.Placement.INITIAL && s.mode == IvService.Mode.INFUSION && s.family != AdminFamily.HYDRATION,
            SequentialOrConcurrent::place);

    /** Action: infusions of the same drug code and access merged into the first. */
    public static void mergeSameDrug(CodingPlan plan) {
        java.util.List<IvService> services = plan.ivServices();
        java.util.List<IvService> out = new java.util.ArrayList<>(services.size());
        for (IvService s : services) {
            if (s.mode != IvService.Mode.INFUSION) { out.add(s); continue; }
            IvService prior = null;
            for (IvService o : out) {
                if (o.mode == IvService.Mode.INFUSION && o.first.drugCode().equals(s.first.drugCode()) && o.access.equals(s.access)) { prior = o; break; }
            }
            if (prior == null) out.add(s);
            else prior.merge(s);
        }
        plan.ivServices(out);
    }

    /** Action: overlapping an infusion already placed = concurrent (the first one 96368, further ones warned); else sequential. */
    public static void place(CodingPlan plan, IvService s) {
        boolean concurrent = false;
        for (IvService p : plan.placedInfusions()) if (s.overlaps(p)) { concurrent = true; break; }
        if (concurrent) {
            s.placement = IvService.Placement.CONCURRENT;
            if (!plan.concurrentUsed()) {
                plan.hierarchyCode(Coded.of(CONCURRENT, 1, RULE.id(), () -> s.drugLabel()
                        + " infused at the same time as another infusion through the same access: concurrent infusion 96368 (once per encounter)"));
                plan.useConcurrent();
            } else {
                plan.warn(s.drugLabel() + " is a further concurrent infusion: 96368 is reported once per encounter");
            }
        } else {
            s.placement = IvService.Placement.SEQUENTIAL;
            boolean chemo = s.family == AdminFamily.CHEMOTHERAPY;
            String seq = sequentialCode(s.family);
            plan.hierarchyCode(Coded.of(seq, 1, RULE.id(), () -> s.drugLabel() + " infused for " + s.minutes
                    + " minutes after another infusion (not overlapping): sequential " + (chemo ? "chemotherapy " : "") + "infusion " + seq));
        }
        plan.placedInfusions().add(s);
    }
}
