package io.oncoaudit.core.rules.route;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.recode.AdminDifference;
import io.oncoaudit.core.recode.ClaimsOnlyPlan;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.hierarchy.PumpStart;
import io.oncoaudit.core.rules.time.AdditionalHours;
import io.oncoaudit.core.rules.time.PushVersusInfusion;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.Drug;
import java.util.Comparator;
import java.util.List;

/**
 * CPT 96405, 96406, 96420-96425, 96440, 96446, 96450 descriptors.
 */
public final class RouteSpecificCodes {
    public static final Rule RULE = new Rule("OA-SITE-001", "route",
            "Route-specific chemotherapy codes",
            "Intralesional chemotherapy: 96405 (up to 7 lesions) or 96406 (more than 7), which replace the lesion injection codes 11900/11901 (those are for non-chemotherapy intralesional injections); intravesical instillation of an anticarcinogenic agent (BCG, mitomycin, gemcitabine): 51720; a drug implant inserted through an incision (histrelin): 11981, while goserelin's implant is injected subcutaneously (96402); intrathecal/CNS: 96450; intra-arterial: 96420 push, 96422 + 96423 infusion, 96425 pump; pleural cavity: 96440; peritoneal cavity via port or catheter: 96446.",
            List.of("CPT 96405, 96406, 96420-96425, 96440, 96446, 96450 descriptors", "CPT 11900/11901 descriptors (intralesional injection)",
                    "CPT 51720 descriptor (bladder instillation of anticarcinogenic agent, including retention time)", "HCPCS J9030 descriptor (BCG live intravesical instillation)",
                    "CPT 11981 descriptor (insertion, drug-delivery implant)", "HCPCS J9202 descriptor (goserelin acetate implant) and its FDA label (subcutaneous implant injected through a needle)", "CMS PFS short text 'Chemotx admn pertl cav impl' (96446)"),
            "SEED-003 describes 96446 as 'requiring and including peritoneocentesis' (that was the deleted 96445).",
            "CPT assigns route-specific chemotherapy administration codes.");

    private RouteSpecificCodes() { }

    /** Bladder instillation of an anticarcinogenic agent (BCG, mitomycin, gemcitabine, valrubicin): CPT 51720. */
    public static final String BLADDER_INSTILLATION = "51720";
    /** Insertion of a drug-delivery implant through an incision: CPT 11981. */
    public static final String IMPLANT_INSERTION = "11981";
    /**
     * Drug implants inserted through an incision (11981): histrelin (HCPCS J9225 Vantas, J9226 Supprelin LA) and the
     * leuprolide implant J9219 (Viadur). Goserelin's implant (J9202) is injected subcutaneously through its needle: 96402.
     */
    private static final java.util.Set<String> INCISION_IMPLANTS = java.util.Set.of("J9225", "J9226", "J9219");

    public static boolean incisionImplant(String hcpcs) { return INCISION_IMPLANTS.contains(hcpcs); }

    /** A non-chemotherapy intralesional injection: CPT 11900 up to 7 lesions, 11901 more than 7. */
    public static String lesionInjection(Integer lesions) {
        return (lesions == null ? 1 : lesions) <= 7 ? "11900" : "11901";
    }

    /** 96405 up to 7 lesions, 96406 for more (a missing count is one lesion). */
    public static String intralesional(Integer lesions) {
        return (lesions == null ? 1 : lesions) <= 7 ? "96405" : "96406";
    }

    // ---- decisions

    /** Full mode, each administration: the route-specific codes (implant, intralesional, intravesical, intrathecal, cavities, intra-arterial). */
    public static final ItemRule<Administration> ADMINISTRATION = ItemRule.of(RULE, "route-specific code of a local or intra-arterial route",
            RouteSpecificCodes::appliesTo, RouteSpecificCodes::code);

    /** Full mode, after the IV hierarchy: one intra-arterial service per encounter (96420, 96422 + 96423, 96425). */
    public static final PlanRule INTRA_ARTERIAL = PlanRule.of(RULE, "one intra-arterial service: 96425 pump, 96420 push, 96422 + 96423 infusion",
            p -> !p.intraArterialAdministrations().isEmpty(), RouteSpecificCodes::codeIntraArterial);

    /** Guard: a route with its own codes (an implant reaching here is inserted through an incision). */
    public static boolean appliesTo(CodingPlan plan, Administration a) {
        return switch (a.route()) {
            case IMPLANT, INTRALESIONAL, INTRAVESICAL, INTRATHECAL, INTRAPLEURAL, INTRAPERITONEAL, INTRA_ARTERIAL -> true;
            default -> false;
        };
    }

    /** Action: the route's code, or a warning when the drug is not chemotherapy (no chemotherapy code for the route). */
    public static void code(CodingPlan plan, Administration a) {
        Drug drug = plan.currentDrug();
        AdminFamily family = plan.currentFamily();
        switch (a.route()) {
            case IMPLANT -> plan.standAlone(Coded.of(IMPLANT_INSERTION, 1, RULE.id(), () -> IvService.label(a, drug)
                    + " is a drug-delivery implant inserted through an incision: " + IMPLANT_INSERTION));
            case INTRA_ARTERIAL -> {
                if (family == AdminFamily.CHEMOTHERAPY) plan.intraArterial(a);
                else plan.warn("intra-arterial " + IvService.label(a, drug) + " is not chemotherapy: no chemotherapy intra-arterial code (not coded here)");
            }
            case INTRALESIONAL -> {
                int lesions = a.lesionCount() == null ? 1 : a.lesionCount();
                boolean chemo = family == AdminFamily.CHEMOTHERAPY;
                String code = chemo ? intralesional(lesions) : lesionInjection(lesions);
                plan.standAlone(Coded.of(code, 1, RULE.id(), () -> IvService.label(a, drug) + " intralesional, " + lesions + " lesion(s)"
                        + (chemo ? ", chemotherapy: " + code + " (it replaces the lesion injection codes 11900/11901)" : ", not chemotherapy: " + code)));
            }
            case INTRAVESICAL -> {
                if (family == AdminFamily.CHEMOTHERAPY) {
                    plan.standAlone(Coded.of(BLADDER_INSTILLATION, 1, RULE.id(), () -> IvService.label(a, drug)
                            + " instilled into the bladder (anticarcinogenic agent): " + BLADDER_INSTILLATION));
                } else {
                    plan.warn("intravesical " + IvService.label(a, drug) + " is not an anticarcinogenic agent: not a 51720 service (not coded here)");
                }
            }
            case INTRATHECAL -> siteCode(plan, a, drug, family, "96450", "intrathecal");
            case INTRAPLEURAL -> siteCode(plan, a, drug, family, "96440", "into the pleural cavity");
            case INTRAPERITONEAL -> siteCode(plan, a, drug, family, "96446", "into the peritoneal cavity");
            default -> { }
        }
    }

    private static void siteCode(CodingPlan plan, Administration a, Drug drug, AdminFamily family, String code, String where) {
        if (family == AdminFamily.CHEMOTHERAPY) {
            plan.standAlone(Coded.of(code, 1, RULE.id(), () -> IvService.label(a, drug) + " given " + where + ": " + code));
        } else {
            plan.warn(IvService.label(a, drug) + " given " + where + " is not chemotherapy: no chemotherapy administration code (not coded here)");
        }
    }

    /** Action: the first intra-arterial chemotherapy administration is the encounter's intra-arterial service; further ones are warned. */
    public static void codeIntraArterial(CodingPlan plan) {
        List<Administration> ia = plan.intraArterialAdministrations();
        ia.sort(Comparator.comparing(Administration::startTime));
        Administration a = ia.get(0);
        Drug drug = plan.drug(a.drugCode());
        long m = a.minutes();
        if (a.pump()) {
            plan.hierarchyCode(Coded.of(PumpStart.INTRA_ARTERIAL_CODE, 1, PumpStart.RULE.id(), () -> IvService.label(a, drug)
                    + " intra-arterial, started on a pump (the record's times are the hook-up visit): 96425"));
        } else if (PushVersusInfusion.isPush(m)) {
            plan.hierarchyCode(Coded.of("96420", 1, PushVersusInfusion.RULE.id(), () -> IvService.label(a, drug)
                    + " intra-arterial over " + m + " minutes (15 or less = push): 96420"));
        } else {
            plan.hierarchyCode(Coded.of("96422", 1, PushVersusInfusion.RULE.id(), () -> IvService.label(a, drug)
                    + " intra-arterial infusion of " + m + " minutes: 96422"));
            int h = AdditionalHours.units(m);
            if (h > 0) plan.hierarchyCode(Coded.of("96423", h, AdditionalHours.RULE.id(), () -> AdditionalHours.reason(a, drug, m, h, "96423")));
        }
        for (int i = 1; i < ia.size(); i++) {
            plan.warn("further intra-arterial administration " + ia.get(i).administrationId() + " not coded: one intra-arterial service per encounter is assumed");
        }
    }

    /** Comparison: 96542 (chemotherapy through a subarachnoid or intraventricular reservoir) billed is accepted for 96450. */
    public static final PlanRule ACCEPT_96542 = PlanRule.of(RULE, "96542 billed: accepted for 96450",
            p -> true, p -> p.comparison().accept("96542", "96450"));

    /**
     * Comparison: a route-specific code paired with another code is the wrong code for the route, whatever the families
     * (11900 billed for intralesional chemotherapy is not a therapeutic-family code, so CHEMO_BILLED_AS_THERAPEUTIC would misname it).
     * A pair never holds one code twice: exact codes cancel before pairing.
     */
    public static final ItemRule<AdminDifference> PAIR = ItemRule.of(RULE, "the wrong code for the documented route",
            (p, d) -> d.routeSpecific(), RouteSpecificCodes::wrongRoute);

    public static void wrongRoute(CodingPlan plan, AdminDifference d) {
        d.kind = FindingKind.ADMINISTRATION_CODE_MISMATCH;
        d.lead = d.billedCode() + " billed where the documented route takes " + d.expectedCode();
        d.ruleId = RULE.id();
    }

    /** Claims-only: intralesional chemotherapy (96405/96406) replaces 11900/11901 unless a non-antineoplastic drug is billed too. */
    public static final PlanRule CLAIMS_ONLY_LESIONS = PlanRule.of(RULE, "96405/96406 billed: 11900/11901 beside them not expected",
            RouteSpecificCodes::chemoAndLesionInjectionBilled, p -> p.claimsOnly().other.removeIf(o -> o.code.equals("11900") || o.code.equals("11901")));

    /** Claims-only: a drug given only by its own route (BCG 51720, histrelin 11981) billed with an SC/IM code: its route's code. */
    public static final PlanRule CLAIMS_ONLY_LOCAL = PlanRule.of(RULE, "a drug of its own route billed with an SC/IM code: 51720 / 11981",
            p -> !p.claimsOnly().localDrugs.isEmpty(), RouteSpecificCodes::localRoute);

    public static boolean chemoAndLesionInjectionBilled(CodingPlan plan) {
        boolean chemoLesions = false, lesionInjection = false;
        for (Coded o : plan.claimsOnly().other) {
            chemoLesions |= o.code.equals("96405") || o.code.equals("96406");
            lesionInjection |= o.code.equals("11900") || o.code.equals("11901");
        }
        if (!chemoLesions || !lesionInjection) return false;
        for (ClaimLine l : plan.encounter().lines()) {
            Drug d = plan.drug(l.procedureCode());
            if (d != null && !d.drugClass().antineoplastic() && d.drugClass() != io.oncoaudit.core.tables.DrugClass.HYDRATION_FLUID) return false;
            if (d == null && io.oncoaudit.core.rules.units.DrugUnits.looksLikeDrugCode(l.procedureCode())) return false;
        }
        return true;
    }

    public static void localRoute(CodingPlan plan) {
        ClaimsOnlyPlan c = plan.claimsOnly();
        for (Drug d : c.localDrugs) {
            String code = d.usualRoute() == Route.INTRAVESICAL ? BLADDER_INSTILLATION : IMPLANT_INSERTION;
            boolean billedOwn = false;
            for (Coded o : c.other) billedOwn |= o.code.equals(code);
            if (billedOwn || c.billedScImUnits() <= c.scImDrugs.size()) continue;
            Coded last = c.scIm.get(c.scIm.size() - 1);
            if (last.units > 1) c.scIm.set(c.scIm.size() - 1, new Coded(last.code, last.units - 1, last.modifiers, last.ruleId, last.reasonSupplier()));
            else c.scIm.remove(c.scIm.size() - 1);
            c.other.add(Coded.of(code, 1, RULE.id(), () -> d.name() + " (" + d.hcpcs() + ") is given "
                    + (code.equals(BLADDER_INSTILLATION) ? "by bladder instillation: 51720" : "as an implant inserted through an incision: 11981")
                    + " (claims-only: the drug billed and its route)"));
        }
    }
}
