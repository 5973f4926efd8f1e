package io.oncoaudit.core.rules.em;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * E/M on a drug-administration day: CMS transmittal of 2005-10-28 "Payment for Office or Other Outpatient E/M Visits
 * (Codes 99201-99215)" (IOM 100-04 ch.12 s.30.6.7 after CR 3631); CPT modifier 25.
 */
public final class EmWithAdministration {
    public static final Rule RULE = new Rule("OA-EM-001", "em",
            "E/M on a drug-administration day: 99211 not payable (Medicare), 99202-99215 need modifier 25",
            "On a day with a drug administration service (96360-96549, G0498) billed or documented: under the CMS policy (Medicare; payers.csv em_with_administration CMS) 99211 is not payable, with or without modifier 25, and is removed (overpayment). Any other office/outpatient E/M (99202-99205, 99212-99215) is payable only as a significant, separately identifiable service with modifier 25: without it the line is expected with 25 (denial exposure). Payers with policy MODIFIER_25 get only the modifier check, NONE neither. Hospital outpatient claims (type of bill 13x) are not judged here (hospitals bill G0463).",
            List.of("CMS transmittal 2005-10-28 'Payment for Office or Other Outpatient E/M Visits (Codes 99201-99215)' (IOM 100-04 ch.12 s.30.6.7, after CR 3631): 99211 is not paid with a drug administration service; 99212-99215 only with modifier 25",
                    "CPT modifier 25 (significant, separately identifiable E/M service by the same physician on the same day)",
                    "NCCI Policy Manual ch.11 (E/M services with drug administration)"),
            null,
            "CMS does not pay 99211 billed with a drug administration service; a higher-level E/M visit on the same day is payable only when it is a significant, separately identifiable service reported with modifier 25.",
            List.of("NOTES section 6 (E/M with drug administration); product decision 8 (99211 rule is Medicare's, other payers by policy)"));

    private EmWithAdministration() { }

    public enum Policy { CMS, MODIFIER_25, NONE }

    public static final String NURSE_VISIT = "99211";
    public static final String MODIFIER = "25";

    /** Guard: a drug administration service code (CPT 96360-96549 or HCPCS G0498). */
    public static boolean administrationCode(String code) {
        if (code == null || code.length() != 5) return false;
        if (code.equals("G0498")) return true;
        if (!code.startsWith("96")) return false;
        int n;
        try { n = Integer.parseInt(code); } catch (NumberFormatException e) { return false; }
        return n >= 96360 && n <= 96549;
    }

    /** An office/outpatient E/M that needs modifier 25 on an administration day (new 99202-99205, established 99212-99215). */
    public static boolean separatelyIdentifiableEm(String code) {
        return switch (code) {
            case "99202", "99203", "99204", "99205", "99212", "99213", "99214", "99215" -> true;
            default -> false;
        };
    }

    public static Policy parse(String raw) {
        if (raw == null || raw.isBlank()) return null;
        return Policy.valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
    }

    // ---- decisions

    /** Both modes, after the expected lines: an E/M billed on a drug administration day (99211 for Medicare; 25 on 99202-99215). */
    public static final PlanRule DAY = PlanRule.of(RULE, "an E/M billed on a drug administration day: 99211 removed (CMS), 25 required",
            EmWithAdministration::appliesTo, EmWithAdministration::apply);

    /** Guard: the payer has a policy, the claim is not hospital outpatient, an office E/M is billed and an administration code is billed or expected. */
    public static boolean appliesTo(CodingPlan plan) {
        Policy policy = plan.payer().emWithAdministration();
        if (policy == Policy.NONE || plan.encounter().hospitalOutpatient()) return false;
        boolean em = false;
        for (int li = 0, lin = plan.encounter().lines().size(); li < lin && !em; li++) {
            String c = plan.encounter().lines().get(li).procedureCode();
            em = c.equals(NURSE_VISIT) || separatelyIdentifiableEm(c);
        }
        return em && administrationDay(plan, plan.expectedCodes());
    }

    public static void apply(CodingPlan plan) {
        List<Coded> expected = plan.expectedCodes();
        Policy policy = plan.payer().emWithAdministration();
        for (int li = 0, lin = plan.encounter().lines().size(); li < lin; li++) {
            ClaimLine l = plan.encounter().lines().get(li);
            String c = l.procedureCode();
            if (c.equals(NURSE_VISIT) && policy == Policy.CMS) {
                remove(expected, c);
                BigDecimal v = plan.amount(c, l.wholeUnits());
                plan.finding(FindingKind.EM_WITH_ADMINISTRATION, RULE.id(), c, null, l.wholeUnits(), 0,
                        v, BigDecimal.ZERO, l.denied() ? Direction.DENIAL : Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                        "99211 billed on a day with a drug administration service: Medicare does not pay 99211 (with or without modifier 25) "
                                + "with a drug administration service; the line is removed", l.lineNumber());
            } else if (separatelyIdentifiableEm(c) && !l.hasModifier(MODIFIER)) {
                addModifier(expected, c);
                BigDecimal v = plan.amount(c, l.wholeUnits());
                plan.finding(FindingKind.MISSING_DISTINCT_MODIFIER, RULE.id(), c, c, l.wholeUnits(), l.wholeUnits(),
                        v, v, Direction.DENIAL, Direction.DENIAL,
                        c + " billed without modifier 25 on a day with a drug administration service: the visit is payable only as a significant, "
                                + "separately identifiable E/M service reported with modifier 25 (denial exposure; add 25 only when the record supports a separate service)",
                        l.lineNumber());
            }
        }
    }

    public static boolean administrationDay(CodingPlan plan, List<Coded> expected) {
        for (Coded c : expected) if (administrationCode(c.code)) return true;
        for (int li = 0, lin = plan.encounter().lines().size(); li < lin; li++) {
            if (administrationCode(plan.encounter().lines().get(li).procedureCode())) return true;
        }
        return false;
    }

    private static void remove(List<Coded> expected, String code) {
        expected.removeIf(c -> c.code.equals(code));
    }

    private static void addModifier(List<Coded> expected, String code) {
        for (int i = 0; i < expected.size(); i++) {
            Coded c = expected.get(i);
            if (!c.code.equals(code) || c.modifiers.contains(MODIFIER)) continue;
            List<String> mods = new ArrayList<>(c.modifiers);
            mods.add(MODIFIER);
            expected.set(i, new Coded(c.code, c.units, List.copyOf(mods), RULE.id(),
                    () -> "office visit on a drug administration day: modifier 25 for a significant, separately identifiable E/M service"));
        }
    }
}
