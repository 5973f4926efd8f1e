package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.rules.ncci.MedicallyUnlikelyEdits;
import io.oncoaudit.core.rules.ncci.ProcedureToProcedure;
import io.oncoaudit.core.tables.ncci.NcciEdits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OA-NCCI-001 / OA-NCCI-002 actions on the expected lines and the findings (both modes, last). */
final class NcciCheck {
    private NcciCheck() { }

    static void apply(Context ctx, NcciEdits ncci, List<Coded> expected, List<Finding> findings) {
        ptp(ctx, ncci, expected, findings);
        if (ncci.hasMues()) mue(ctx, ncci, expected, findings);
    }

    private static void ptp(Context ctx, NcciEdits ncci, List<Coded> expected, List<Finding> findings) {
        List<ClaimLine> lines = ctx.encounter.lines();
        List<String> column1s = new ArrayList<>(lines.size() + expected.size());
        for (ClaimLine l : lines) if (ncci.hasColumn1(l.procedureCode()) && !column1s.contains(l.procedureCode())) column1s.add(l.procedureCode());
        for (Coded c : expected) if (ncci.hasColumn1(c.code) && !column1s.contains(c.code)) column1s.add(c.code);
        if (column1s.isEmpty()) return;
        for (ClaimLine l2 : lines) {
            for (String c1 : column1s) {
                if (c1.equals(l2.procedureCode())) continue;
                List<NcciEdits.PtpEdit> edits = ncci.ptp(c1, l2.procedureCode(), ctx.encounter.dateOfService());
                if (edits.isEmpty()) continue;
                NcciEdits.PtpEdit e = edits.get(0);
                if (e.modifierIndicator() == '9') continue;
                boolean modifier = false;
                for (String m : l2.modifiers()) modifier |= ProcedureToProcedure.MODIFIERS.contains(m.toUpperCase(java.util.Locale.ROOT));
                if (e.modifierIndicator() == '1' && modifier) continue;
                String c2 = l2.procedureCode();
                Map<String, String> details = new LinkedHashMap<>();
                details.put("column1", c1);
                details.put("column2", c2);
                details.put("modifierIndicator", String.valueOf(e.modifierIndicator()));
                if (e.effective() != null) details.put("effective", e.effective().toString());
                if (e.deletion() != null) details.put("deletion", e.deletion().toString());
                details.put("source", e.source());
                if (!e.rationale().isEmpty()) details.put("rationale", e.rationale());
                BigDecimal v = ctx.pricer.amount(c2, l2.wholeUnits());
                Finding f;
                if (e.modifierIndicator() == '0') {
                    expected.removeIf(c -> c.code.equals(c2));
                    details.put("appealable", "false");
                    f = Findings.make(ctx, FindingKind.NCCI_PTP_EDIT, ProcedureToProcedure.RULE.id(), c2, null, l2.wholeUnits(), 0, v, BigDecimal.ZERO,
                            l2.denied() ? Direction.DENIAL : Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                            c2 + " billed with " + c1 + ": NCCI procedure-to-procedure edit with modifier indicator 0 (" + e.rationale()
                                    + "): " + c2 + " is not separately payable with " + c1 + " and no modifier changes that; remove the line",
                            l2.lineNumber());
                    f = withoutAppeal(f, details);
                } else {
                    details.put("appealable", "true");
                    f = Findings.make(ctx, FindingKind.NCCI_PTP_EDIT, ProcedureToProcedure.RULE.id(), c2, c2, l2.wholeUnits(), l2.wholeUnits(), v, v,
                            Direction.DENIAL, Direction.DENIAL,
                            c2 + " billed with " + c1 + " without an NCCI-associated modifier: edit with modifier indicator 1 (" + e.rationale()
                                    + "), denied unless the record supports a distinct service reported with 59/X{EPSU}", l2.lineNumber());
                    f = withDetails(f, details);
                }
                findings.add(f);
                break;
            }
        }
    }

    private static void mue(Context ctx, NcciEdits ncci, List<Coded> expected, List<Finding> findings) {
        List<String> done = new ArrayList<>(4);
        for (ClaimLine l : ctx.encounter.lines()) {
            String code = l.procedureCode();
            if (done.contains(code)) continue;
            NcciEdits.Mue m = ncci.mue(code, ctx.encounter.dateOfService());
            if (m == null) continue;
            done.add(code);
            int total = 0, lineCount = 0, over = 0;
            ClaimLine first = null;
            for (ClaimLine x : ctx.encounter.lines()) {
                if (!x.procedureCode().equals(code)) continue;
                total += x.wholeUnits();
                lineCount++;
                if (m.mai() == 1 && x.wholeUnits() > m.value()) { over += x.wholeUnits(); if (first == null) first = x; }
            }
            int allowed = m.mai() == 1 ? m.value() * lineCount : m.value();
            if (m.mai() != 1 && total > m.value()) { over = total - m.value(); first = l; }
            if (over == 0 || first == null) continue;
            cap(expected, code, allowed);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("mueValue", String.valueOf(m.value()));
            details.put("mai", String.valueOf(m.mai()));
            details.put("effective", m.effective().toString());
            details.put("source", m.source());
            if (!m.rationale().isEmpty()) details.put("rationale", m.rationale());
            details.put("appealable", m.mai() == 2 ? "false" : "true");
            BigDecimal v = ctx.pricer.amount(code, over);
            Finding f = Findings.make(ctx, FindingKind.MUE_EXCEEDED, MedicallyUnlikelyEdits.RULE.id(), code, code, total, Math.min(total, allowed),
                    v, BigDecimal.ZERO, Direction.DENIAL, Direction.DENIAL,
                    code + " billed x" + total + " on the date of service; its MUE is " + m.value() + " (MAI " + m.mai() + ", "
                            + (m.mai() == 1 ? "line edit: a line above the value is denied whole" : "date of service edit: the units above the value are denied") + ")",
                    first.lineNumber());
            findings.add(m.mai() == 2 ? withoutAppeal(f, details) : withDetails(f, details));
        }
    }

    private static void cap(List<Coded> expected, String code, int allowed) {
        int left = allowed;
        for (int i = 0; i < expected.size(); i++) {
            Coded c = expected.get(i);
            if (!c.code.equals(code)) continue;
            int u = Math.min(c.units, Math.max(0, left));
            left -= u;
            if (u != c.units) expected.set(i, new Coded(c.code, u, c.modifiers, MedicallyUnlikelyEdits.RULE.id(), c.reasonSupplier()));
        }
    }

    private static Finding withDetails(Finding f, Map<String, String> details) {
        return new Finding(f.kind(), f.ruleId(), f.billedCode(), f.expectedCode(), f.billedUnits(), f.expectedUnits(), f.direction(), f.amount(),
                f.explanation(), f.citations(), f.appealText(), f.lineNumber(), f.provenance(), f.pricing(), details);
    }

    /** Never offered for appeal (modifier indicator 0, MUE MAI 2): no appeal text. */
    private static Finding withoutAppeal(Finding f, Map<String, String> details) {
        return new Finding(f.kind(), f.ruleId(), f.billedCode(), f.expectedCode(), f.billedUnits(), f.expectedUnits(), f.direction(), f.amount(),
                f.explanation(), f.citations(), null, f.lineNumber(), f.provenance(), f.pricing(), details);
    }
}
