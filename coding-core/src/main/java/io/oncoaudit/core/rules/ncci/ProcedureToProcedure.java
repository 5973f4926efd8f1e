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
import java.util.Set;

/** NCCI procedure-to-procedure edits: column 2 is not payable with column 1 unless the modifier indicator allows a modifier. */
public final class ProcedureToProcedure {
    public static final Rule RULE = new Rule("OA-NCCI-001", "ncci",
            "NCCI procedure-to-procedure edits",
            "When both codes of an active PTP edit (by date of service) are billed on the claim, the column 2 code is not payable: modifier indicator 0 means no modifier makes it payable (the line is removed from the expected lines and the finding is never offered for appeal); indicator 1 means it is payable only with an NCCI-associated modifier (59, XE, XS, XP, XU, anatomic modifiers, 24, 25, 57, 58, 78, 79, 91) when the record supports a distinct service (denial exposure; the line stays as billed); indicator 9 means no edit. The product ships only pairs it can cite from public text (CPT 96440 includes the thoracentesis, 96450 includes the spinal puncture); the official quarterly PTP files are loaded with --ncci DIR.",
            List.of("CMS NCCI Policy Manual for Medicare Services ch.1 (PTP edits, modifier indicators, NCCI-associated modifiers)",
                    "CMS Medicare NCCI procedure-to-procedure edit files (quarterly, practitioner services)",
                    "CPT 96440 descriptor (requiring and including thoracentesis); CPT 96450 descriptor (requiring and including spinal puncture)"),
            null,
            "The NCCI procedure-to-procedure edit allows the column 2 code with the column 1 code only with an NCCI-associated modifier when the record documents a distinct service.",
            List.of());

    private ProcedureToProcedure() { }

    /** NCCI-associated modifiers (NCCI Policy Manual ch.1 E). */
    public static final Set<String> MODIFIERS = Set.of("59", "XE", "XS", "XP", "XU", "24", "25", "27", "57", "58", "78", "79", "91",
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "LT", "RT", "LC", "LD", "LM", "RC", "RI",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9");

    // ---- decisions

    /** Both modes, after the E/M day: each billed line that an NCCI PTP edit pairs with a column-1 code billed or expected. */
    public static final PlanRule EDITS = PlanRule.of(RULE, "a billed column-2 code with its column-1 code: NCCI_PTP_EDIT (indicator 0: line removed)",
            p -> true, ProcedureToProcedure::apply);

    /** {@code found} with {@code code} added once when it is a column-1 code (the list created with the first). */
    private static List<String> withColumn1(List<String> found, NcciEdits ncci, String code, int capacity) {
        if (!ncci.hasColumn1(code)) return found;
        if (found == null) found = new ArrayList<>(capacity);
        if (!found.contains(code)) found.add(code);
        return found;
    }

    public static void apply(CodingPlan plan) {
        NcciEdits ncci = plan.ncci();
        List<Coded> expected = plan.expectedCodes();
        List<ClaimLine> lines = plan.encounter().lines();
        List<String> column1s = null; // most claims have no column-1 code: nothing allocated
        int capacity = lines.size() + expected.size();
        for (int i = 0, n = lines.size(); i < n; i++) column1s = withColumn1(column1s, ncci, lines.get(i).procedureCode(), capacity);
        for (int i = 0, n = expected.size(); i < n; i++) column1s = withColumn1(column1s, ncci, expected.get(i).code, capacity);
        if (column1s == null) return;
        for (ClaimLine l2 : lines) {
            for (String c1 : column1s) {
                if (c1.equals(l2.procedureCode())) continue;
                List<NcciEdits.PtpEdit> edits = ncci.ptp(c1, l2.procedureCode(), plan.encounter().dateOfService());
                if (edits.isEmpty()) continue;
                NcciEdits.PtpEdit e = edits.get(0);
                if (e.modifierIndicator() == '9') continue;
                boolean modifier = false;
                for (String m : l2.modifiers()) modifier |= MODIFIERS.contains(m.toUpperCase(java.util.Locale.ROOT));
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
                BigDecimal v = plan.amount(c2, l2.wholeUnits());
                Finding f;
                if (e.modifierIndicator() == '0') {
                    expected.removeIf(c -> c.code.equals(c2));
                    details.put("appealable", "false");
                    f = plan.makeFinding(FindingKind.NCCI_PTP_EDIT, RULE.id(), c2, null, l2.wholeUnits(), 0, v, BigDecimal.ZERO,
                            l2.denied() ? Direction.DENIAL : Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                            c2 + " billed with " + c1 + ": NCCI procedure-to-procedure edit with modifier indicator 0 (" + e.rationale()
                                    + "): " + c2 + " is not separately payable with " + c1 + " and no modifier changes that; remove the line",
                            l2.lineNumber());
                    f = withoutAppeal(f, details);
                } else {
                    details.put("appealable", "true");
                    f = plan.makeFinding(FindingKind.NCCI_PTP_EDIT, RULE.id(), c2, c2, l2.wholeUnits(), l2.wholeUnits(), v, v,
                            Direction.DENIAL, Direction.DENIAL,
                            c2 + " billed with " + c1 + " without an NCCI-associated modifier: edit with modifier indicator 1 (" + e.rationale()
                                    + "), denied unless the record supports a distinct service reported with 59/X{EPSU}", l2.lineNumber());
                    f = withDetails(f, details);
                }
                plan.findings().add(f);
                break;
            }
        }
    }

    public static Finding withDetails(Finding f, Map<String, String> details) {
        return new Finding(f.kind(), f.ruleId(), f.billedCode(), f.expectedCode(), f.billedUnits(), f.expectedUnits(), f.direction(), f.amount(),
                f.explanation(), f.citations(), f.appealText(), f.lineNumber(), f.provenance(), f.pricing(), details);
    }

    /** Never offered for appeal (modifier indicator 0, MUE MAI 2): no appeal text. */
    public static Finding withoutAppeal(Finding f, Map<String, String> details) {
        return new Finding(f.kind(), f.ruleId(), f.billedCode(), f.expectedCode(), f.billedUnits(), f.expectedUnits(), f.direction(), f.amount(),
                f.explanation(), f.citations(), null, f.lineNumber(), f.provenance(), f.pricing(), details);
    }
}
