package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.rules.family.UnclassifiedDrugRule;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.Drug;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** OA-FAM-003 action: an unclassified drug's route keeps its billed administration codes; the drug is listed for review. */
final class UnclassifiedDrugs {
    private UnclassifiedDrugs() { }

    static boolean unclassified(Drug drug) { return UnclassifiedDrugRule.unclassified(drug); }

    static EnumSet<AdminComparison.Group> groups(Route route) {
        return switch (UnclassifiedDrugRule.group(route)) {
            case IV -> EnumSet.of(AdminComparison.Group.SERVICE, AdminComparison.Group.HOUR, AdminComparison.Group.INTRA_ARTERIAL);
            case SC_IM -> EnumSet.of(AdminComparison.Group.SC_IM, AdminComparison.Group.LOCAL);
            case LOCAL -> EnumSet.of(AdminComparison.Group.LOCAL, AdminComparison.Group.OTHER);
            case NONE -> EnumSet.noneOf(AdminComparison.Group.class);
        };
    }

    static void report(Context ctx, Administration a, Drug drug) {
        String why = drug == null ? "not in the drug table" : "no public source classifies it (drug table class UNCLASSIFIED)";
        String name = drug != null ? drug.name() : (a.drugName() == null || a.drugName().isBlank() ? null : a.drugName());
        ctx.unclassified(a.administrationId(), a.drugCode(), name, why);
        ctx.warn("unclassified drug " + a.drugCode() + " (administration " + a.administrationId() + "): " + why
                + "; the billed " + a.route() + " administration codes are kept for review, no finding made on them");
    }

    /** Drops the derived codes of the frozen groups and keeps the billed codes of those groups instead. */
    static List<Coded> keepBilled(Context ctx, List<Coded> derived, EnumSet<AdminComparison.Group> frozen) {
        List<Coded> out = new ArrayList<>(derived.size());
        for (Coded c : derived) {
            AdminCode a = ctx.admin(c.code);
            if (a == null || !frozen.contains(AdminComparison.group(a.slot()))) out.add(c);
        }
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            AdminCode a = ctx.admin(l.procedureCode());
            if (a == null || !frozen.contains(AdminComparison.group(a.slot()))) continue;
            List<String> mods = AdminComparison.hasDistinctModifier(l) ? List.of("59") : List.of();
            out.add(new Coded(a.code(), l.wholeUnits(), mods, UnclassifiedDrugRule.RULE.id(),
                    () -> "kept as billed on line " + l.lineNumber() + ": a drug given by this route is unclassified"));
        }
        return out;
    }
}
