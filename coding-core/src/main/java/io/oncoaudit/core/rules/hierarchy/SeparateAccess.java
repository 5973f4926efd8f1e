package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CPT Drug Administration guidelines (two separate IV sites); NCCI Policy Manual ch.1 E (59 and X{EPSU}).
 */
public final class SeparateAccess {
    public static final Rule RULE = new Rule("OA-HIER-002", "hierarchy",
            "Second initial service through a separate access needs 59/X{EPSU}",
            "When protocol requires two separate IV access sites (the record's separate_site_reason documents why), each access has its own initial service; the second initial code needs modifier 59 (or XU/XS/XE/XP). A different access site without a documented reason is the same encounter's hierarchy: one initial service.",
            List.of("CPT Drug Administration guidelines (two separate IV sites)", "NCCI Policy Manual ch.1 E (modifiers 59 and X{EPSU})", "NOTES 1.3, 1.4 [S-AAPC-CONC]"),
            "SEED-004 describes 'two drugs through separate lines' as concurrent: separate sites are two initial services with 59, concurrent (96368) is the same access.",
            "A second initial service is separately reportable when a separate IV site is required; modifier 59/XU identifies the distinct service.");

    private SeparateAccess() { }

    /**
     * Guard: access sites separate the IV hierarchies only when the record documents the reason a separate site was
     * needed (a protocol requiring two separate IV sites, CMS IOM 100-04 ch.12 s.30.5); a different site alone is not enough.
     */
    public static boolean reasonDocumented(java.util.List<io.oncoaudit.core.model.Administration> administrations) {
        for (int i = 0, n = administrations.size(); i < n; i++) {
            String r = administrations.get(i).separateSiteReason();
            if (r != null && !r.isBlank()) return true;
        }
        return false;
    }

    /** The first documented separate-site reason (for explanations). */
    public static String reasonOf(java.util.List<io.oncoaudit.core.model.Administration> administrations) {
        for (var a : administrations) if (a.separateSiteReason() != null && !a.separateSiteReason().isBlank()) return a.separateSiteReason().strip();
        return "";
    }

    /** The modifier the second access site's initial service carries (59 or XU/XS/XE/XP accepted). */
    public static final String MODIFIER = "59";

    public static boolean isDistinctModifier(String m) {
        String u = m.toUpperCase(java.util.Locale.ROOT);
        return u.equals("59") || u.equals("XU") || u.equals("XS") || u.equals("XE") || u.equals("XP");
    }

    /** A line carries 59 or XU/XS/XE/XP. */
    public static boolean hasDistinctModifier(io.oncoaudit.core.model.ClaimLine l) {
        for (int mi = 0, min = l.modifiers().size(); mi < min; mi++) {
            String u = l.modifiers().get(mi).toUpperCase();
            if (u.equals("59") || u.equals("XU") || u.equals("XS") || u.equals("XE") || u.equals("XP")) return true;
        }
        return false;
    }

    // ---- decisions

    /** Full mode: one hierarchy per access site (all one access unless the record documents why a separate site was needed). */
    public static final PlanRule GROUPS = PlanRule.of(RULE, "one hierarchy per documented separate access site",
            p -> !p.ivServices().isEmpty(), SeparateAccess::group);

    /** Full mode, each IV service placed: a separate access's initial service, with modifier 59. */
    public static final ItemRule<IvService> INITIAL = ItemRule.of(RULE, "a separate access's initial service, with 59",
            (p, s) -> s.placement == IvService.Placement.INITIAL && p.groupIndex() > 0, SeparateAccess::codeInitial);

    private static final java.util.List<String> MODIFIERS = java.util.List.of(MODIFIER);

    /** Action: the IV services grouped by access, in order of first appearance. */
    public static void group(CodingPlan plan) {
        java.util.List<java.util.List<IvService>> groups = new java.util.ArrayList<>(2);
        for (IvService s : plan.ivServices()) {
            java.util.List<IvService> group = null;
            for (java.util.List<IvService> g : groups) if (g.get(0).access.equals(s.access)) { group = g; break; }
            if (group == null) groups.add(group = new java.util.ArrayList<>(4));
            group.add(s);
        }
        plan.ivGroups(groups);
    }

    /** Action: the initial code with modifier 59. */
    public static void codeInitial(CodingPlan plan, IvService s) {
        boolean others = plan.groupHasOthers();
        var administrations = plan.encounter().administrations();
        plan.hierarchyCode(new Coded(OneInitialService.initialCode(s), 1, MODIFIERS, RULE.id(),
                () -> OneInitialService.initialReason(s, others) + "; a separate access site ("
                        + (s.access.isEmpty() ? "unspecified" : s.access) + ") required by protocol (" + reasonOf(administrations)
                        + ") has its own initial service, which needs modifier 59/XU"));
    }

    /** Comparison: an expected second initial (separate access) billed without 59/X{EPSU} is a missing modifier (denial exposure). */
    public static final PlanRule MODIFIER_CHECK = PlanRule.of(RULE, "a second initial billed without 59/XU: MISSING_DISTINCT_MODIFIER",
            SeparateAccess::secondInitialExpected, SeparateAccess::checkModifier);

    public static boolean secondInitialExpected(CodingPlan plan) {
        java.util.List<Coded> codes = plan.administrationCodes();
        for (int i = 0, n = codes.size(); i < n; i++) if (io.oncoaudit.core.model.Codes.contains(codes.get(i).modifiers, MODIFIER)) return true;
        return false;
    }

    public static void checkModifier(CodingPlan plan) {
        java.util.List<Coded> expected = plan.administrationCodes();
        for (Coded x : expected) {
            if (!x.modifiers.contains(MODIFIER)) continue;
            int plainExpected = 0;
            for (Coded y : expected) if (y.code.equals(x.code) && !y.modifiers.contains(MODIFIER)) plainExpected += y.units;
            int withModifier = 0, billedUnits = 0;
            ClaimLine first = null;
            java.util.List<ClaimLine> lines = plan.encounter().lines();
            for (int li = 0, lin = lines.size(); li < lin; li++) {
                ClaimLine l = lines.get(li);
                if (!l.procedureCode().equals(x.code)) continue;
                billedUnits += l.wholeUnits();
                if (hasDistinctModifier(l)) withModifier += l.wholeUnits();
                else if (first == null) first = l;
            }
            if (billedUnits >= plainExpected + x.units && withModifier < x.units && first != null) {
                java.math.BigDecimal v = plan.amount(x.code, 1);
                plan.finding(FindingKind.MISSING_DISTINCT_MODIFIER, RULE.id(), x.code, x.code, 1, 1, v, v, Direction.DENIAL, Direction.DENIAL,
                        "the second initial " + x.code + " through a separate access site is billed without modifier 59/XU and will be denied as a duplicate. "
                                + x.reason(), first.lineNumber());
            }
        }
    }
}
