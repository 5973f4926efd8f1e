package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.AdminDifference;
import io.oncoaudit.core.recode.CodeGroup;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminRole;
import io.oncoaudit.core.tables.AdminSlot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * CPT add-on parentheticals; CMS PFS global ZZZ; CARC 107 / RARC N122 when the primary is missing.
 */
public final class AddOnNeedsPrimary {
    public static final Rule RULE = new Rule("OA-ADDON-001", "hierarchy",
            "An add-on code needs its primary",
            "An add-on code (PFS global ZZZ) is reported only with one of its primary codes on the same claim; otherwise it is denied (CARC 107, RARC N122).",
            List.of("CPT parenthetical instructions of each add-on code", "CMS PFS RVU file CY2025 (global ZZZ)", "NCCI Policy Manual ch.1 R (add-on codes)", "NOTES 5.1 (CARC 107)"),
            "SEED-004 says add-on codes are 'exempt from most NCCI PTP edits': not a CMS statement (CMS publishes a separate add-on code edit file).",
            "The add-on code is reported with its primary procedure as CPT requires; the corrected claim lists the primary service that was performed.");

    private AddOnNeedsPrimary() { }

    /** Comparison: an add-on billed without any of its primaries where the service is the initial (denial). */
    public static final ItemRule<AdminDifference> PAIR = ItemRule.of(RULE, "an add-on billed without its primary for the initial: ADDON_WITHOUT_PRIMARY",
            (p, d) -> d.billed().role() == AdminRole.ADD_ON && d.expected().role() == AdminRole.INITIAL && !d.primaryBilled(),
            AddOnNeedsPrimary::withoutPrimary);

    /** Comparison: the documented primary not billed while its add-on is billed alone: adding the primary recovers both. */
    public static final ItemRule<AdminDifference> EXPECTED_ONLY = ItemRule.of(RULE, "the primary of a billed add-on not billed: ADDON_WITHOUT_PRIMARY",
            (p, d) -> d.expected().role() == AdminRole.INITIAL && d.orphanAddOnOfExpected() != null, AddOnNeedsPrimary::primaryMissing);

    public static void withoutPrimary(CodingPlan plan, AdminDifference d) {
        d.kind = FindingKind.ADDON_WITHOUT_PRIMARY;
        d.forced = Direction.DENIAL;
        d.lead = "add-on " + d.billedCode() + " billed without any of its primary codes " + String.join("/", d.billed().primaries())
                + " (denied as CARC 107 / RARC N122); the service is the initial " + d.expectedCode();
        d.ruleId = RULE.id();
    }

    public static void primaryMissing(CodingPlan plan, AdminDifference d) {
        AdminCode addOn = d.orphanAddOnOfExpected();
        String ec = d.expectedCode();
        int billed = d.billedUnits(addOn.code());
        BigDecimal recovered = plan.amount(ec, d.units).add(plan.amount(addOn.code(), billed));
        Integer line = null;
        for (var l : plan.encounter().lines()) if (l.procedureCode().equals(addOn.code())) { line = l.lineNumber(); break; }
        plan.finding(FindingKind.ADDON_WITHOUT_PRIMARY, RULE.id(), addOn.code(), ec, billed, d.units,
                BigDecimal.ZERO, recovered, Direction.DENIAL, Direction.DENIAL,
                "add-on " + addOn.code() + " billed without its primary " + ec + " (denied as CARC 107 / RARC N122); adding the documented primary "
                        + ec + " recovers both. " + d.why(), line);
    }

    /** Claims-only: an add-on with no primary on the claim is promoted to its initial, or its primary is added. */
    public static final PlanRule CLAIMS_ONLY = PlanRule.of(RULE, "an add-on without its primary: promoted, or its primary added",
            p -> !p.claimsOnly().scImOnly && !p.claimsOnly().iv.isEmpty(), p -> p.claimsOnly().iv = addOnsWithPrimary(p, p.claimsOnly().iv));

    /** OA-ADDON-001: an add-on with no primary on the claim is promoted to its initial, or its primary is added. */
    public static java.util.List<Coded> addOnsWithPrimary(CodingPlan plan, java.util.List<Coded> in) {
        java.util.List<Coded> out = new ArrayList<>(in);
        boolean changed = true;
        while (changed) {
            changed = false;
            Coded orphan = null;
            for (Coded c : out) {
                AdminCode a = plan.admin(c.code);
                if (!a.isAddOn() || hasPrimary(out, a)) continue;
                if (CodeGroup.of(a.slot()) == CodeGroup.HOUR) { if (orphan == null) orphan = c; continue; }
                if (orphan == null || CodeGroup.of(plan.admin(orphan.code).slot()) == CodeGroup.HOUR
                        || OneInitialService.rank(a) < OneInitialService.rank(plan.admin(orphan.code))) orphan = c;
            }
            if (orphan == null) break;
            AdminCode a = plan.admin(orphan.code);
            AdminCode initial = initialEquivalent(plan, a);
            if (initial == null) break;
            if (CodeGroup.of(a.slot()) == CodeGroup.HOUR) {
                out.add(0, Coded.of(initial.code(), 1, AddOnNeedsPrimary.RULE.id(), () -> "add-on " + a.code() + " billed without its primary: the infusion it extends is "
                        + initial.code()));
            } else {
                int idx = out.indexOf(orphan);
                out.set(idx, Coded.of(initial.code(), 1, AddOnNeedsPrimary.RULE.id(), () -> "add-on " + a.code()
                        + " billed without any of its primaries " + String.join("/", a.primaries()) + ": the service is the initial " + initial.code()));
                if (orphan.units > 1) out.add(idx + 1, new Coded(orphan.code, orphan.units - 1, orphan.modifiers, orphan.ruleId, orphan.reasonSupplier()));
            }
            changed = true;
        }
        return out;
    }

    public static boolean hasPrimary(java.util.List<Coded> list, AdminCode addOn) {
        for (Coded c : list) if (addOn.primaries().contains(c.code)) return true;
        return false;
    }

    public static AdminCode initialEquivalent(CodingPlan plan, AdminCode addOn) {
        return switch (addOn.slot()) {
            case IV_PUSH_ADDITIONAL, IV_PUSH_SAME_DRUG -> plan.tables().adminCodes().equivalent(AdminSlot.IV_PUSH_INITIAL, addOn.family());
            case IV_INFUSION_SEQUENTIAL, IV_INFUSION_CONCURRENT, IV_INFUSION_HOUR ->
                    plan.tables().adminCodes().equivalent(AdminSlot.IV_INFUSION_INITIAL, addOn.family());
            case IA_INFUSION_HOUR -> plan.admin("96422");
            default -> null;
        };
    }
}
