package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.rules.em.EmWithAdministration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** OA-EM-001 action on the expected lines and the findings (both modes, after the administration codes are known). */
final class EmDay {
    private EmDay() { }

    static void apply(Context ctx, List<Coded> expected, List<Finding> findings) {
        EmWithAdministration.Policy policy = ctx.payer.emWithAdministration();
        if (policy == EmWithAdministration.Policy.NONE || ctx.encounter.hospitalOutpatient()) return;
        boolean em = false;
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin && !em; li++) {
            String c = ctx.encounter.lines().get(li).procedureCode();
            em = c.equals(EmWithAdministration.NURSE_VISIT) || EmWithAdministration.separatelyIdentifiableEm(c);
        }
        if (!em || !administrationDay(ctx, expected)) return;
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            String c = l.procedureCode();
            if (c.equals(EmWithAdministration.NURSE_VISIT) && policy == EmWithAdministration.Policy.CMS) {
                remove(expected, c);
                BigDecimal v = ctx.pricer.amount(c, l.wholeUnits());
                findings.add(Findings.make(ctx, FindingKind.EM_WITH_ADMINISTRATION, EmWithAdministration.RULE.id(), c, null, l.wholeUnits(), 0,
                        v, BigDecimal.ZERO, l.denied() ? Direction.DENIAL : Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                        "99211 billed on a day with a drug administration service: Medicare does not pay 99211 (with or without modifier 25) "
                                + "with a drug administration service; the line is removed", l.lineNumber()));
            } else if (EmWithAdministration.separatelyIdentifiableEm(c) && !l.hasModifier(EmWithAdministration.MODIFIER)) {
                addModifier(expected, c);
                BigDecimal v = ctx.pricer.amount(c, l.wholeUnits());
                findings.add(Findings.make(ctx, FindingKind.MISSING_DISTINCT_MODIFIER, EmWithAdministration.RULE.id(), c, c, l.wholeUnits(), l.wholeUnits(),
                        v, v, Direction.DENIAL, Direction.DENIAL,
                        c + " billed without modifier 25 on a day with a drug administration service: the visit is payable only as a significant, "
                                + "separately identifiable E/M service reported with modifier 25 (denial exposure; add 25 only when the record supports a separate service)",
                        l.lineNumber()));
            }
        }
    }

    private static boolean administrationDay(Context ctx, List<Coded> expected) {
        for (Coded c : expected) if (EmWithAdministration.administrationCode(c.code)) return true;
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            if (EmWithAdministration.administrationCode(ctx.encounter.lines().get(li).procedureCode())) return true;
        }
        return false;
    }

    private static void remove(List<Coded> expected, String code) {
        expected.removeIf(c -> c.code.equals(code));
    }

    private static void addModifier(List<Coded> expected, String code) {
        for (int i = 0; i < expected.size(); i++) {
            Coded c = expected.get(i);
            if (!c.code.equals(code) || c.modifiers.contains(EmWithAdministration.MODIFIER)) continue;
            List<String> mods = new ArrayList<>(c.modifiers);
            mods.add(EmWithAdministration.MODIFIER);
            expected.set(i, new Coded(c.code, c.units, List.copyOf(mods), EmWithAdministration.RULE.id(),
                    () -> "office visit on a drug administration day: modifier 25 for a significant, separately identifiable E/M service"));
        }
    }
}
