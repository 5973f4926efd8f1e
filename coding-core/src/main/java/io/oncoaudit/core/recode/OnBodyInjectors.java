package io.oncoaudit.core.recode;

import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminSlot;
import java.util.List;

/**
 * OA-SCIM-001 action for 96377: the application of an on-body injector is its own code (CPT 96377) and is never
 * rewritten. Each billed 96377 unit takes the place of one documented SC injection (96372 first).
 */
final class OnBodyInjectors {
    private OnBodyInjectors() { }

    static final String CODE = "96377";

    static void keep(Context ctx, List<Coded> expected) {
        int units = 0;
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            var l = ctx.encounter.lines().get(li);
            if (l.procedureCode().equals(CODE)) units += l.wholeUnits();
        }
        for (int u = 0; u < units; u++) {
            int at = -1;
            for (int i = 0; i < expected.size() && at < 0; i++) if (expected.get(i).code.equals("96372") && expected.get(i).units == 1) at = i;
            for (int i = 0; i < expected.size() && at < 0; i++) {
                AdminCode a = ctx.admin(expected.get(i).code);
                if (a != null && a.slot() == AdminSlot.SC_IM_INJECTION && expected.get(i).units == 1) at = i;
            }
            if (at < 0) return;
            Coded was = expected.get(at);
            expected.set(at, Coded.of(CODE, 1, RuleCatalog.SC_IM_CODE.id(), () -> was.reason()
                    + "; billed as 96377 (on-body injector application): its own code, kept"));
        }
    }
}
