package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Codes;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.rules.hierarchy.OneInitialService;
import io.oncoaudit.core.rules.mode.ClaimsOnlyMode;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminRole;
import io.oncoaudit.core.tables.AdminSlot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison of billed with expected administration codes, unit by unit. Exact codes cancel first, then the
 * rules' accepted alternatives (G0498 for 96416, 96542 for 96450, 96377 for 96372), then the remaining units pair up
 * by position: same slot, then same family, then same group. Each pair, each billed-only and each expected-only
 * difference is named by the first rule decision whose guard applies (the lists of {@code RuleCatalog}); a difference
 * no decision names is an ADMINISTRATION_CODE_MISMATCH, UNSUPPORTED_ADMINISTRATION or MISSING_ADMINISTRATION
 * explained by the rule that derived the expected code.
 */
public final class AdminComparison {
    /** Units of one code on one side, with where they came from. */
    static final class Bucket {
        final AdminCode code;
        int remaining;
        // billed side: the first line, total units, whether any line was denied
        ClaimLine firstBilled;
        int billedUnits;
        boolean denied;
        // expected side: what produced the units (most buckets have one source: a list only from the second)
        private Coded source;
        private List<Coded> sources;

        Bucket(AdminCode code) { this.code = code; }

        void addSource(Coded x) {
            if (source == null) { source = x; return; }
            if (sources == null) {
                sources = new ArrayList<>(2);
                sources.add(source);
            }
            sources.add(x);
        }

        int sourceCount() { return source == null ? 0 : sources == null ? 1 : sources.size(); }

        Coded source(int i) { return sources == null ? source : sources.get(i); }

        boolean billed() { return firstBilled != null; }

        /** The reasons of the sources, built once (after the sources are complete: only the comparison asks). */
        String why() {
            if (why != null) return why;
            int n = sourceCount();
            if (n == 0) return why = "";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (sb.length() > 0) sb.append("; ");
                sb.append(source(i).reason());
            }
            return why = sb.toString();
        }

        private String why;

        String ruleId(String fallback) { return source == null ? fallback : source.ruleId; }

        Integer firstLine() { return firstBilled == null ? null : firstBilled.lineNumber(); }
    }

    final CodingPlan plan;
    final List<Bucket> billed = new ArrayList<>(4);
    final List<Bucket> exp = new ArrayList<>(4);
    int billedInitials;

    private AdminComparison(CodingPlan plan) { this.plan = plan; }

    /** The comparison step: buckets, exact codes, the decisions before pairing, pairs, leftovers. */
    static void run(CodingPlan plan, Chains.PlanChain before, Chains.ItemChain<AdminDifference> pairs,
                    Chains.ItemChain<AdminDifference> billedOnly, Chains.ItemChain<AdminDifference> expectedOnly) {
        AdminComparison c = new AdminComparison(plan);
        plan.comparison = c;
        List<ClaimLine> lines = plan.encounter().lines();
        for (int li = 0, lin = lines.size(); li < lin; li++) {
            ClaimLine l = lines.get(li);
            AdminCode code = plan.admin(l.procedureCode());
            if (code == null) continue;
            Bucket b = find(c.billed, code.code());
            if (b == null) c.billed.add(b = new Bucket(code));
            b.remaining += l.wholeUnits();
            if (b.firstBilled == null) b.firstBilled = l;
            b.billedUnits += l.wholeUnits();
            b.denied |= l.denied();
        }
        List<Coded> codes = plan.administrationCodes();
        for (int xi = 0, xn = codes.size(); xi < xn; xi++) {
            Coded x = codes.get(xi);
            Bucket b = find(c.exp, x.code);
            if (b == null) c.exp.add(b = new Bucket(plan.admin(x.code)));
            b.remaining += x.units;
            b.addSource(x);
        }
        for (int bi = 0, bn = c.billed.size(); bi < bn; bi++) {
            Bucket b = c.billed.get(bi);
            if (b.code.role() == AdminRole.INITIAL) c.billedInitials += b.remaining;
        }

        // 1. exact codes cancel
        for (int ei = 0; ei < c.exp.size(); ei++) {
            Bucket e = c.exp.get(ei);
            Bucket b = find(c.billed, e.code.code());
            if (b != null) cancel(b, e);
        }
        // 2. the rules' decisions before pairing (modifier checks, accepted alternatives)
        before.run(plan);
        // 3. pair the rest by position
        for (int tier = 0; tier < 3; tier++) {
            for (int bi = 0; bi < c.billed.size(); bi++) {
                Bucket b = c.billed.get(bi);
                if (b.remaining == 0) continue;
                for (int ei = 0; ei < c.exp.size(); ei++) {
                    Bucket e = c.exp.get(ei);
                    if (e.remaining == 0 || b.remaining == 0) continue;
                    if (!pairable(b.code, e.code, tier)) continue;
                    int n = Math.min(b.remaining, e.remaining);
                    c.pair(new AdminDifference(c, b, e, n), pairs);
                    b.remaining -= n;
                    e.remaining -= n;
                }
            }
        }
        // 4. leftovers
        for (int bi = 0; bi < c.billed.size(); bi++) {
            Bucket b = c.billed.get(bi);
            if (b.remaining == 0) continue;
            AdminDifference d = new AdminDifference(c, b, null, b.remaining);
            if (!billedOnly.run(plan, d)) c.unsupported(d);
        }
        for (int ei = 0; ei < c.exp.size(); ei++) {
            Bucket e = c.exp.get(ei);
            if (e.remaining == 0) continue;
            AdminDifference d = new AdminDifference(c, null, e, e.remaining);
            if (!expectedOnly.run(plan, d)) c.missing(d);
        }
    }

    /** A pair named by the first decision that applies (it sets kind, lead, rule and direction), else a code mismatch. */
    private void pair(AdminDifference d, Chains.ItemChain<AdminDifference> pairs) {
        String bc = d.billedCode(), ec = d.expectedCode();
        int n = d.units;
        BigDecimal bv = plan.amount(bc, n), ev = plan.amount(ec, n);
        d.ruleId = d.e.ruleId(OneInitialService.RULE.id());
        if (!pairs.run(plan, d)) {
            d.kind = FindingKind.ADMINISTRATION_CODE_MISMATCH;
            d.lead = bc + " billed where the documented service is " + ec;
        }
        Direction forced = d.b.denied ? Direction.DENIAL : d.forced;
        String explanation = d.lead + (d.e.why().isEmpty() ? "" : ". " + d.e.why());
        plan.finding(d.kind, d.ruleId, bc, ec, n, n, bv, ev, forced, Direction.OVERPAYMENT, explanation, d.b.firstLine());
    }

    /** A billed code no decision names: not supported by the record (claims-only: by the billed drugs). */
    private void unsupported(AdminDifference d) {
        String bc = d.billedCode();
        int n = d.units;
        String rule = plan.encounter().claimsOnly() ? ClaimsOnlyMode.RULE.id() : OneInitialService.RULE.id();
        plan.finding(FindingKind.UNSUPPORTED_ADMINISTRATION, rule, bc, null, n, 0, plan.amount(bc, n), BigDecimal.ZERO,
                Direction.OVERPAYMENT, Direction.OVERPAYMENT, bc + " x" + n + " billed without a documented administration that supports it", d.b.firstLine());
    }

    /** An expected code no decision names: documented, not billed. */
    private void missing(AdminDifference d) {
        String ec = d.expectedCode();
        int n = d.units;
        plan.finding(FindingKind.MISSING_ADMINISTRATION, d.e.ruleId(OneInitialService.RULE.id()), null, ec, 0, n,
                BigDecimal.ZERO, plan.amount(ec, n), Direction.UNDERPAYMENT, Direction.UNDERPAYMENT,
                "documented administration not billed: " + ec + " x" + n + ". " + d.e.why(), null);
    }

    /** An accepted alternative: the billed code's units cancel the expected code's (G0498 for 96416, 96377 for 96372). */
    public void accept(String billedCode, String expectedCode) {
        Bucket b = find(billed, billedCode);
        Bucket e = find(exp, expectedCode);
        if (b != null && e != null) cancel(b, e);
    }

    static Bucket find(List<Bucket> list, String code) {
        for (int i = 0, n = list.size(); i < n; i++) {
            Bucket b = list.get(i);
            if (Codes.same(b.code.code(), code)) return b;
        }
        return null;
    }

    private static void cancel(Bucket b, Bucket e) {
        int n = Math.min(b.remaining, e.remaining);
        b.remaining -= n;
        e.remaining -= n;
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

    static boolean hasDistinctModifier(ClaimLine l) { return io.oncoaudit.core.rules.hierarchy.SeparateAccess.hasDistinctModifier(l); }

    /** The add-on has one of its primary codes billed. */
    boolean primaryBilled(AdminCode addOn) {
        for (Bucket x : billed) if (x.billed() && addOn.primaries().contains(x.code.code())) return true;
        return false;
    }

    /** Units of {@code code} among the expected lines (before any were matched). */
    int expectedUnits(String code) {
        Bucket e = find(exp, code);
        if (e == null) return 0;
        int u = 0;
        for (int i = 0, n = e.sourceCount(); i < n; i++) u += e.source(i).units;
        return u;
    }

    int unitsBilled(String code) {
        Bucket b = find(billed, code);
        return b == null ? 0 : b.billedUnits;
    }
}
