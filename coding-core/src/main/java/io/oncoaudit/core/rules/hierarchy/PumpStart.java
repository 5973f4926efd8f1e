package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.PumpOwner;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.mode.ClaimsOnlyMode;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.PayerType;
import java.util.List;

/**
 * CPT 96416 descriptor (initiation of a prolonged infusion requiring a portable or implantable pump); HCPCS G0498
 * (Medicare, practice-supplied pump).
 */
public final class PumpStart {
    public static final Rule RULE = new Rule("OA-PUMP-001", "hierarchy",
            "Prolonged chemotherapy infusion started on a pump",
            "An administration marked pump is the initiation of a prolonged chemotherapy infusion on a portable or implantable pump; its times are the hook-up visit, so no documented duration of more than 8 hours is required. It is 96416 (intra-arterial: 96425), reported in addition to the other services; it is not a concurrent-infusion code. For Medicare, G0498 when the practice supplies the pump (pump_owner PRACTICE); owner unknown: 96416 is expected and G0498 billed to Medicare is accepted. G0498 is a Medicare code: not for other payers, nor when another party supplies the pump.",
            List.of("CPT 96416 descriptor", "HCPCS G0498 descriptor (chemotherapy administration, intravenous infusion initiated in the office with a practice-supplied portable pump, continued at home; eff. 2016-01-01)"),
            "SEED-004 calls 96416 a 'concurrent infusion' code. SEED-001 bills 96521 at a disconnect-only visit: 96521 needs an actual refill/maintenance.",
            "CPT 96416 describes the initiation of a prolonged chemotherapy infusion requiring a portable or implantable pump; HCPCS G0498 is Medicare's code when the practice supplies the portable pump.");

    private PumpStart() { }

    public static final String CODE = "96416";
    public static final String G0498 = "G0498";
    public static final String INTRA_ARTERIAL_CODE = "96425";

    /** Action: the pump start code for this payer and pump owner (null = unknown). */
    public static String code(PayerType payer, PumpOwner owner) {
        return payer == PayerType.MEDICARE && owner == PumpOwner.PRACTICE ? G0498 : CODE;
    }

    /** Guard of the comparison: G0498 billed for an expected 96416 is accepted for Medicare when the pump owner is not documented. */
    public static boolean acceptsBilledG0498(PayerType payer, PumpOwner owner) {
        return payer == PayerType.MEDICARE && owner == null;
    }

    public static String reason(String drug, PayerType payer, PumpOwner owner, String code) {
        String base = drug + " started on a portable or implantable pump (the record's times are the hook-up visit)";
        if (code.equals(G0498)) return base + ": Medicare with a practice-supplied pump, G0498";
        if (payer != PayerType.MEDICARE) return base + ": 96416 (G0498 is a Medicare code)";
        return base + (owner == PumpOwner.OTHER ? ": the pump is not supplied by the practice, 96416 (G0498 requires a practice-supplied pump)"
                : ": pump owner not documented, 96416 (G0498 billed to Medicare is accepted)");
    }

    // ---- decisions

    /** Full mode, each administration: an IV chemotherapy administration marked pump is a pump start (96416 or G0498). */
    public static final ItemRule<Administration> ADMINISTRATION = ItemRule.of(RULE, "IV chemotherapy started on a pump: 96416 or G0498",
            PumpStart::appliesTo, PumpStart::code);

    /** Guard: IV, marked pump, chemotherapy family. */
    public static boolean appliesTo(CodingPlan plan, Administration a) {
        return a.route() == Route.IV && a.pump() && plan.currentFamily() == AdminFamily.CHEMOTHERAPY;
    }

    /** Action: the pump start code for the payer and the pump's owner. */
    public static void code(CodingPlan plan, Administration a) {
        PayerType payer = plan.payer().type();
        String code = code(payer, a.pumpOwner());
        String label = IvService.label(a, plan.currentDrug());
        plan.standAlone(Coded.of(code, 1, RULE.id(), () -> reason(label, payer, a.pumpOwner(), code)));
    }

    /** Comparison: G0498 billed to Medicare for an expected 96416 is accepted when the pump's owner is not documented. */
    public static final PlanRule ACCEPT_G0498 = PlanRule.of(RULE, "G0498 billed to Medicare, pump owner unknown: accepted for 96416",
            PumpStart::acceptsG0498, p -> p.comparison().accept(G0498, CODE));

    public static boolean acceptsG0498(CodingPlan plan) {
        java.util.List<Administration> all = plan.encounter().administrations();
        for (int i = 0, n = all.size(); i < n; i++) {
            Administration a = all.get(i);
            if (a.pump() && acceptsBilledG0498(plan.payer().type(), a.pumpOwner())) return true;
        }
        return false;
    }

    /** Claims-only, each billed line: G0498 billed to a payer other than Medicare is the pump start 96416. */
    public static final ItemRule<ClaimLine> CLAIMS_ONLY = ItemRule.of(RULE, "G0498 billed to a payer other than Medicare: 96416",
            (p, l) -> l.procedureCode().equals(G0498) && p.admin(G0498) != null && p.payer().type() != PayerType.MEDICARE, PumpStart::notMedicare);

    public static void notMedicare(CodingPlan plan, ClaimLine l) {
        plan.claimsOnly().billed(plan.admin(G0498), new Coded(CODE, l.wholeUnits(), ClaimsOnlyMode.distinct(l), RULE.id(),
                () -> "G0498 billed on line " + l.lineNumber() + " to a payer other than Medicare: G0498 is a Medicare code, the pump start is 96416"));
    }
}
