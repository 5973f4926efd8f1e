package io.oncoaudit.core.rules.ncci;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.ncci.NcciEdits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** NCCI medically unlikely edits: units of service per line (MAI 1) or per date of service (MAI 2, 3). */
public final class MedicallyUnlikelyEdits {
    public static final Rule RULE = new Rule("OA-NCCI-002", "ncci",
            "NCCI medically unlikely edits (MUE)",
            "Units of a code above its MUE value on the date of service are denied: MAI 1 is a line edit (a line with more units than the value is denied whole), MAI 2 (policy) and MAI 3 (clinical) are date-of-service edits (the units above the value are denied). The expected units are capped at the value. MAI 2 edits rest on policy and are not offered for appeal; MAI 1 and 3 may be appealed with documentation of medical necessity. MUE values come only from the official CMS files loaded with --ncci DIR: none is shipped.",
            List.of("CMS NCCI Policy Manual for Medicare Services ch.1 (medically unlikely edits, MUE adjudication indicators)",
                    "CMS Medicare NCCI MUE tables (quarterly, practitioner services)"),
            null,
            "The units billed are supported by the documented doses and medical necessity; the MUE adjudication indicator permits review on appeal.",
            List.of());

    private MedicallyUnlikelyEdits() { }

    // ---- decisions

    /** Both modes, after the PTP edits, when MUE files are loaded: units above a code's MUE. */
    public static final PlanRule EDITS = PlanRule.of(RULE, "units above the MUE: MUE_EXCEEDED (expected units capped)",
            p -> p.ncci().hasMues(), MedicallyUnlikelyEdits::apply);

    public static void apply(CodingPlan plan) {
        NcciEdits ncci = plan.ncci();
        List<Coded> expected = plan.expectedCodes();
        List<String> done = new ArrayList<>(4);
        for (ClaimLine l : plan.encounter().lines()) {
            String code = l.procedureCode();
            if (done.contains(code)) continue;
            NcciEdits.Mue m = ncci.mue(code, plan.encounter().dateOfService());
            if (m == null) continue;
            done.add(code);
            int total = 0, lineCount = 0, over = 0;
            ClaimLine first = null;
            for (ClaimLine x : plan.encounter().lines()) {
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
            BigDecimal v = plan.amount(code, over);
            Finding f = plan.makeFinding(FindingKind.MUE_EXCEEDED, RULE.id(), code, code, total, Math.min(total, allowed),
                    v, BigDecimal.ZERO, Direction.DENIAL, Direction.DENIAL,
                    code + " billed x" + total + " on the date of service; its MUE is " + m.value() + " (MAI " + m.mai() + ", "
                            + (m.mai() == 1 ? "line edit: a line above the value is denied whole" : "date of service edit: the units above the value are denied") + ")",
                    first.lineNumber());
            plan.findings().add(m.mai() == 2 ? ProcedureToProcedure.withoutAppeal(f, details) : ProcedureToProcedure.withDetails(f, details));
        }
    }

    private static void cap(List<Coded> expected, String code, int allowed) {
        int left = allowed;
        for (int i = 0; i < expected.size(); i++) {
            Coded c = expected.get(i);
            if (!c.code.equals(code)) continue;
            int u = Math.min(c.units, Math.max(0, left));
            left -= u;
            if (u != c.units) expected.set(i, new Coded(c.code, u, c.modifiers, RULE.id(), c.reasonSupplier()));
        }
    }

}
