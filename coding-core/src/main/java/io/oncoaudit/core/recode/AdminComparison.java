package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.AdminRole;
import io.oncoaudit.core.tables.AdminSlot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares billed with expected administration codes unit by unit and names each difference.
 * Exact codes cancel first, then accepted alternatives (G0498 for 96416, 96542 for 96450, 96377 for
 * 96372), then the remaining units pair up by position: same slot, then same family, then same group.
 * What is left over is missing (expected only) or unsupported (billed only).
 */
final class AdminComparison {
    private AdminComparison() { }

    /** Units of one code on one side, with where they came from. */
    static final class Bucket {
        final AdminCode code;
        int remaining;
        // billed side: the first line, total units, whether any line was denied
        ClaimLine firstBilled;
        int billedUnits;
        boolean denied;
        // expected side: what produced the units
        final List<Coded> sources;

        Bucket(AdminCode code, boolean billedSide) {
            this.code = code;
            this.sources = billedSide ? List.of() : new ArrayList<>(1);
        }

        boolean billed() { return firstBilled != null; }

        String why() {
            if (sources.isEmpty()) return "";
            StringBuilder sb = new StringBuilder();
            for (Coded c : sources) {
                if (sb.length() > 0) sb.append("; ");
                sb.append(c.reason());
            }
            return sb.toString();
        }

        String ruleId(String fallback) { return sources.isEmpty() ? fallback : sources.get(0).ruleId; }

        Integer firstLine() { return firstBilled == null ? null : firstBilled.lineNumber(); }

        boolean anyDenied() { return denied; }
    }

    static void compare(Context ctx, List<Coded> expected, boolean hasComboSplit, List<Finding> findings) {
        List<Bucket> billed = new ArrayList<>(4);
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            AdminCode c = ctx.admin(l.procedureCode());
            if (c == null) continue;
            Bucket b = find(billed, c.code());
            if (b == null) billed.add(b = new Bucket(c, true));
            b.remaining += l.wholeUnits();
            if (b.firstBilled == null) b.firstBilled = l;
            b.billedUnits += l.wholeUnits();
            b.denied |= l.denied();
        }
        List<Bucket> exp = new ArrayList<>(4);
        for (Coded x : expected) {
            Bucket b = find(exp, x.code);
            if (b == null) exp.add(b = new Bucket(ctx.admin(x.code), false));
            b.remaining += x.units;
            b.sources.add(x);
        }
        int billedInitials = 0;
        for (Bucket b : billed) if (b.code.role() == AdminRole.INITIAL) billedInitials += b.remaining;

        // 1. exact codes cancel
        for (int ei = 0; ei < exp.size(); ei++) {
            Bucket e = exp.get(ei);
            Bucket b = find(billed, e.code.code());
            if (b != null) cancel(b, e);
        }
        distinctModifierCheck(ctx, expected, findings);
        // 2. accepted alternatives
        if (acceptsG0498(ctx)) alternative(billed, exp, io.oncoaudit.core.rules.hierarchy.PumpStart.G0498, io.oncoaudit.core.rules.hierarchy.PumpStart.CODE);
        alternative(billed, exp, "96542", "96450");
        alternative(billed, exp, "96377", "96372");
        // 3. pair the rest by position
        for (int tier = 0; tier < 3; tier++) {
            for (int bi = 0; bi < billed.size(); bi++) {
                Bucket b = billed.get(bi);
                if (b.remaining == 0) continue;
                for (int ei = 0; ei < exp.size(); ei++) {
                    Bucket e = exp.get(ei);
                    if (e.remaining == 0 || b.remaining == 0) continue;
                    if (!pairable(b.code, e.code, tier)) continue;
                    int n = Math.min(b.remaining, e.remaining);
                    findings.add(pair(ctx, b, e, n, billed, billedInitials));
                    b.remaining -= n;
                    e.remaining -= n;
                }
            }
        }
        // 4. leftovers
        for (int bi = 0; bi < billed.size(); bi++) {
            Bucket b = billed.get(bi);
            if (b.remaining == 0) continue;
            findings.add(billedOnly(ctx, b, exp, billedInitials, hasComboSplit));
        }
        for (int ei = 0; ei < exp.size(); ei++) {
            Bucket e = exp.get(ei);
            if (e.remaining == 0) continue;
            findings.add(expectedOnly(ctx, e, billed));
        }
    }

    /** OA-PUMP-001: a pump start whose owner is not documented, on a Medicare claim. */
    private static boolean acceptsG0498(Context ctx) {
        for (var a : ctx.encounter.administrations()) {
            if (a.pump() && io.oncoaudit.core.rules.hierarchy.PumpStart.acceptsBilledG0498(ctx.payer.type(), a.pumpOwner())) return true;
        }
        return false;
    }

    private static Bucket find(List<Bucket> list, String code) {
        for (Bucket b : list) if (b.code.code().equals(code)) return b;
        return null;
    }

    private static void cancel(Bucket b, Bucket e) {
        int n = Math.min(b.remaining, e.remaining);
        b.remaining -= n;
        e.remaining -= n;
    }

    private static void alternative(List<Bucket> billed, List<Bucket> exp, String billedCode, String expectedCode) {
        Bucket b = find(billed, billedCode);
        Bucket e = find(exp, expectedCode);
        if (b != null && e != null) cancel(b, e);
    }

    static CodeGroup group(AdminSlot s) { return CodeGroup.of(s); }

    private static boolean pairable(AdminCode b, AdminCode e, int tier) {
        return switch (tier) {
            case 0 -> b.slot() == e.slot();
            case 1 -> group(b.slot()) == group(e.slot()) && group(b.slot()) != CodeGroup.OTHER && b.family() == e.family();
            default -> (group(b.slot()) == group(e.slot()) && group(b.slot()) != CodeGroup.OTHER) || (injectionLike(b) && injectionLike(e));
        };
    }

    /** An SC/IM injection or a route-specific local code (the wrong one billed for the route pairs with the right one); 96377 stays apart. */
    private static boolean injectionLike(AdminCode c) {
        return c.slot() == AdminSlot.SC_IM_INJECTION || group(c.slot()) == CodeGroup.LOCAL;
    }

    private static Finding pair(Context ctx, Bucket b, Bucket e, int n, List<Bucket> billed, int billedInitials) {
        String bc = b.code.code(), ec = e.code.code();
        BigDecimal bv = ctx.pricer.amount(bc, n), ev = ctx.pricer.amount(ec, n);
        FindingKind kind;
        String rule = e.ruleId(RuleCatalog.ONE_INITIAL.id());
        Direction whenEqual = Direction.OVERPAYMENT;
        Direction forced = null;
        String lead;
        boolean sameSlot = b.code.slot() == e.code.slot();
        boolean neutral = bc.equals("96368") || ec.equals("96368") || b.code.slot() == AdminSlot.IV_PUMP_START;
        boolean routeCode = group(b.code.slot()) == CodeGroup.LOCAL || group(e.code.slot()) == CodeGroup.LOCAL;
        if (routeCode && !sameSlot) {
            kind = FindingKind.ADMINISTRATION_CODE_MISMATCH;
            lead = bc + " billed where the documented route takes " + ec;
            rule = RuleCatalog.SITE_CODES.id();
        } else if (bc.equals("96372") && (ec.equals("96401") || ec.equals("96402"))) {
            kind = FindingKind.DOWNCODED_TO_96372;
            forced = Direction.UNDERPAYMENT;
            lead = "antineoplastic injection billed as the generic therapeutic injection 96372; expected " + ec;
        } else if ((bc.equals("96401") && ec.equals("96402")) || (bc.equals("96402") && ec.equals("96401"))) {
            kind = FindingKind.HORMONAL_CLASS_MISMATCH;
            lead = bc + " billed but the drug's hormonal class takes " + ec;
        } else if ((sameSlot || !neutral) && b.code.family() == AdminFamily.CHEMOTHERAPY && e.code.family() != AdminFamily.CHEMOTHERAPY) {
            kind = FindingKind.NON_CHEMO_BILLED_AS_CHEMO;
            forced = Direction.OVERPAYMENT;
            lead = "chemotherapy administration code " + bc + " billed for a drug that takes the " + e.code.family().name().toLowerCase() + " code " + ec;
            if (rule.equals(RuleCatalog.ONE_INITIAL.id()) || rule.equals(RuleCatalog.SC_IM_CODE.id())) rule = RuleCatalog.SUPPORTIVE_FAMILY.id();
        } else if ((sameSlot || !neutral) && b.code.family() != AdminFamily.CHEMOTHERAPY && e.code.family() == AdminFamily.CHEMOTHERAPY) {
            kind = FindingKind.CHEMO_BILLED_AS_THERAPEUTIC;
            forced = Direction.UNDERPAYMENT;
            lead = "non-chemotherapy code " + bc + " billed for a chemotherapy administration; expected " + ec;
            if (rule.equals(RuleCatalog.ONE_INITIAL.id())) rule = RuleCatalog.CHEMO_FAMILY.id();
        } else if (b.code.role() == AdminRole.INITIAL && e.code.role() == AdminRole.ADD_ON && billedInitials >= 2) {
            kind = FindingKind.DUPLICATE_INITIAL;
            forced = Direction.OVERPAYMENT;
            lead = "more than one initial service billed in the encounter; " + bc + " should be the add-on " + ec
                    + (distinctBilled(ctx, bc) ? " (modifier 59/XU does not make a second initial service: the record documents no reason for a separate IV site)" : "");
            rule = RuleCatalog.ONE_INITIAL.id();
        } else if (b.code.role() == AdminRole.ADD_ON && e.code.role() == AdminRole.INITIAL && !primaryBilled(b.code, billed)) {
            kind = FindingKind.ADDON_WITHOUT_PRIMARY;
            forced = Direction.DENIAL;
            lead = "add-on " + bc + " billed without any of its primary codes " + String.join("/", b.code.primaries())
                    + " (denied as CARC 107 / RARC N122); the service is the initial " + ec;
            rule = RuleCatalog.ADDON_PRIMARY.id();
        } else {
            kind = FindingKind.ADMINISTRATION_CODE_MISMATCH;
            lead = bc + " billed where the documented service is " + ec;
        }
        if (b.anyDenied()) forced = Direction.DENIAL;
        String explanation = lead + (e.why().isEmpty() ? "" : ". " + e.why());
        return Findings.make(ctx, kind, rule, bc, ec, n, n, bv, ev, forced, whenEqual, explanation, b.firstLine());
    }

    private static boolean distinctBilled(Context ctx, String code) {
        for (ClaimLine l : ctx.encounter.lines()) if (l.procedureCode().equals(code) && hasDistinctModifier(l)) return true;
        return false;
    }

    private static boolean primaryBilled(AdminCode addOn, List<Bucket> billed) {
        for (Bucket x : billed) if (x.billed() && addOn.primaries().contains(x.code.code())) return true;
        return false;
    }

    private static Finding billedOnly(Context ctx, Bucket b, List<Bucket> exp, int billedInitials, boolean hasComboSplit) {
        String bc = b.code.code();
        int n = b.remaining;
        BigDecimal bv = ctx.pricer.amount(bc, n);
        FindingKind kind;
        String rule;
        String lead;
        if (group(b.code.slot()) == CodeGroup.HOUR) {
            // additional-hour units that do not match the times: reported as the code's billed and documented units
            // (3 billed, 2 documented), as the under-billed case is, and priced on the n units over
            int documented = expectedUnits(exp, bc);
            return Findings.make(ctx, FindingKind.INFUSION_HOURS, RuleCatalog.TIME_ADDITIONAL_HOUR.id(), bc, bc, b.billedUnits, documented,
                    bv, BigDecimal.ZERO, Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                    n + " more unit(s) of " + bc + " billed than the documented infusion times support"
                            + " (an additional hour needs more than 30 minutes beyond the hour)", b.firstLine());
        } else if (b.code.role() == AdminRole.INITIAL && billedInitials >= 2) {
            kind = FindingKind.DUPLICATE_INITIAL;
            rule = RuleCatalog.ONE_INITIAL.id();
            lead = "more than one initial service billed in the encounter; the extra " + bc + " is not supported";
        } else if (hasComboSplit && group(b.code.slot()) == CodeGroup.SC_IM) {
            kind = FindingKind.COMBINATION_PRODUCT_SPLIT;
            rule = RuleCatalog.COMBINATION_PRODUCT.id();
            lead = "one injection of a fixed-dose combination product is one administration; the extra " + bc + " is not supported";
        } else {
            kind = FindingKind.UNSUPPORTED_ADMINISTRATION;
            rule = ctx.encounter.claimsOnly() ? RuleCatalog.CLAIMS_ONLY.id() : RuleCatalog.ONE_INITIAL.id();
            lead = bc + " x" + n + " billed without a documented administration that supports it";
        }
        return Findings.make(ctx, kind, rule, bc, null, n, 0, bv, BigDecimal.ZERO, Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                lead, b.firstLine());
    }

    private static Finding expectedOnly(Context ctx, Bucket e, List<Bucket> billed) {
        String ec = e.code.code();
        int n = e.remaining;
        BigDecimal ev = ctx.pricer.amount(ec, n);
        if (group(e.code.slot()) == CodeGroup.HOUR) {
            return Findings.make(ctx, FindingKind.INFUSION_HOURS, RuleCatalog.TIME_ADDITIONAL_HOUR.id(), ec, ec, unitsBilled(billed, ec), unitsBilled(billed, ec) + n,
                    BigDecimal.ZERO, ev, Direction.UNDERPAYMENT, Direction.UNDERPAYMENT,
                    n + " unit(s) of " + ec + " documented but not billed. " + e.why(), null);
        }
        if (e.code.role() == AdminRole.INITIAL) {
            for (int bi = 0; bi < billed.size(); bi++) {
                Bucket b = billed.get(bi);
                if (b.code.isAddOn() && b.code.primaries().contains(ec) && !primaryBilled(b.code, billed)) {
                    BigDecimal recovered = ev.add(ctx.pricer.amount(b.code.code(), unitsBilled(billed, b.code.code())));
                    return Findings.make(ctx, FindingKind.ADDON_WITHOUT_PRIMARY, RuleCatalog.ADDON_PRIMARY.id(), b.code.code(), ec, unitsBilled(billed, b.code.code()), n,
                            BigDecimal.ZERO, recovered, Direction.DENIAL, Direction.DENIAL,
                            "add-on " + b.code.code() + " billed without its primary " + ec + " (denied as CARC 107 / RARC N122); adding the documented primary "
                                    + ec + " recovers both. " + e.why(), b.firstLine());
                }
            }
        }
        return Findings.make(ctx, FindingKind.MISSING_ADMINISTRATION, e.ruleId(RuleCatalog.ONE_INITIAL.id()), null, ec, 0, n,
                BigDecimal.ZERO, ev, Direction.UNDERPAYMENT, Direction.UNDERPAYMENT,
                "documented administration not billed: " + ec + " x" + n + ". " + e.why(), null);
    }

    /** Units of {@code code} among the expected lines (before any were matched). */
    private static int expectedUnits(List<Bucket> exp, String code) {
        Bucket e = find(exp, code);
        if (e == null) return 0;
        int u = 0;
        for (Coded c : e.sources) u += c.units;
        return u;
    }

    private static int unitsBilled(List<Bucket> billed, String code) {
        Bucket b = find(billed, code);
        if (b == null) return 0;
        return b.billedUnits;
    }

    static boolean hasDistinctModifier(ClaimLine l) { return io.oncoaudit.core.rules.hierarchy.SeparateAccess.hasDistinctModifier(l); }

    /** OA-HIER-002: an expected second initial (separate access) needs 59/X{EPSU} on the billed line. */
    private static void distinctModifierCheck(Context ctx, List<Coded> expected, List<Finding> findings) {
        for (Coded x : expected) {
            if (!x.modifiers.contains("59")) continue;
            int plainExpected = 0;
            for (Coded y : expected) if (y.code.equals(x.code) && !y.modifiers.contains("59")) plainExpected += y.units;
            int withModifier = 0, billedUnits = 0;
            ClaimLine first = null;
            for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
                ClaimLine l = ctx.encounter.lines().get(li);
                if (!l.procedureCode().equals(x.code)) continue;
                billedUnits += l.wholeUnits();
                if (hasDistinctModifier(l)) withModifier += l.wholeUnits();
                else if (first == null) first = l;
            }
            if (billedUnits >= plainExpected + x.units && withModifier < x.units && first != null) {
                BigDecimal v = ctx.pricer.amount(x.code, 1);
                findings.add(Findings.make(ctx, FindingKind.MISSING_DISTINCT_MODIFIER, RuleCatalog.SEPARATE_ACCESS.id(), x.code, x.code, 1, 1,
                        v, v, Direction.DENIAL, Direction.DENIAL,
                        "the second initial " + x.code + " through a separate access site is billed without modifier 59/XU and will be denied as a duplicate. "
                                + x.reason(), first.lineNumber()));
            }
        }
    }
}
