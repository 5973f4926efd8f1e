package io.oncoaudit.core.rules.family;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.recode.AdminDifference;
import io.oncoaudit.core.recode.ClaimsOnlyPlan;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.mode.ClaimsOnlyMode;
import io.oncoaudit.core.rules.route.RouteSpecificCodes;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.AdminSlot;
import io.oncoaudit.core.tables.Drug;
import java.util.ArrayList;
import java.util.List;

/**
 * CPT 96401 / 96402 descriptors (non-hormonal / hormonal anti-neoplastic); 96372 for other SC/IM drugs.
 */
public final class ScImInjectionCode {
    public static final Rule RULE = new Rule("OA-SCIM-001", "family",
            "SC/IM injection: 96401, 96402 or 96372",
            "A non-hormonal antineoplastic given SC/IM is 96401; a hormonal antineoplastic given SC/IM for a cancer diagnosis (ICD-10-CM malignant, in situ, uncertain or unspecified behaviour) is 96402; every other SC/IM drug (including a hormone for endometriosis, fibroids or fertility, and non-antineoplastic biologics such as omalizumab and denosumab) is 96372. One unit per injection documented.",
            List.of("CPT 96401 / 96402 descriptors ('non-hormonal anti-neoplastic' / 'hormonal anti-neoplastic')",
                    "CMS PFS RVU file CY2025 short text 'Chemo hormon antineopl sq/im'", "NOTES product decision 5"),
            "SEED-002 (older CPT) says hormonal antineoplastics take 96401: since the 2006 split they take 96402. The largest leak: antineoplastic injections billed as 96372.",
            "CPT 96401 and 96402 describe chemotherapy administration by subcutaneous or intramuscular injection of non-hormonal and hormonal anti-neoplastic agents respectively; 96372 describes therapeutic injections of other drugs.");

    private ScImInjectionCode() { }

    public static final String NON_HORMONAL = "96401";
    public static final String HORMONAL = "96402";
    public static final String THERAPEUTIC = "96372";

    /**
     * 96401 for a non-hormonal antineoplastic (any diagnosis, CMS T129); 96402 for a hormonal antineoplastic given
     * for cancer; 96401 for a biologic given for cancer; otherwise 96372.
     */
    public static String code(Drug drug, boolean cancerDiagnosis) {
        return switch (drug.drugClass()) {
            case NON_HORMONAL_ANTINEOPLASTIC -> NON_HORMONAL;
            case HORMONAL_ANTINEOPLASTIC -> cancerDiagnosis ? HORMONAL : THERAPEUTIC;
            case BIOLOGIC_RESPONSE_MODIFIER -> cancerDiagnosis ? NON_HORMONAL : THERAPEUTIC;
            default -> THERAPEUTIC;
        };
    }

    /** Why the SC/IM code is what it is, in words an auditor can quote. */
    public static String reason(Drug drug, boolean cancerDiagnosis) {
        return switch (drug.drugClass()) {
            case NON_HORMONAL_ANTINEOPLASTIC -> drug.name() + " is a non-hormonal antineoplastic: SC/IM administration is 96401";
            case HORMONAL_ANTINEOPLASTIC -> cancerDiagnosis
                    ? drug.name() + " is a hormonal antineoplastic given for a cancer diagnosis: SC/IM administration is 96402"
                    : drug.name() + " is a hormonal agent given without a cancer diagnosis on the claim: SC/IM administration is 96372";
            case BIOLOGIC_RESPONSE_MODIFIER -> cancerDiagnosis
                    ? drug.name() + " is an antineoplastic biologic given for cancer: SC/IM administration is 96401"
                    : drug.name() + " is a biologic given without a cancer diagnosis: 96401 requires an antineoplastic, so SC/IM administration is 96372";
            default -> drug.name() + " is not an antineoplastic: SC/IM administration is 96372";
        };
    }

    // ---- decisions

    /** The application of an on-body injector (CPT 96377). */
    public static final String ON_BODY = "96377";

    /** Full mode, each administration: an SC or IM injection (and goserelin's implant, injected SC) is 96401, 96402 or 96372. */
    public static final ItemRule<Administration> ADMINISTRATION = ItemRule.of(RULE, "SC/IM injection: 96401, 96402 or 96372",
            ScImInjectionCode::appliesTo, ScImInjectionCode::code);

    /** Full mode, after the administration codes: each billed 96377 unit takes the place of one documented SC injection. */
    public static final PlanRule ON_BODY_INJECTOR = PlanRule.of(RULE, "96377 (on-body injector) billed: its own code, kept",
            p -> p.billedUnits(ON_BODY) > 0, ScImInjectionCode::keepOnBodyInjector);

    /** Guard: route SC or IM, or an implant that is injected subcutaneously through its needle (goserelin). */
    public static boolean appliesTo(CodingPlan plan, Administration a) {
        return a.route() == Route.SC || a.route() == Route.IM
                || (a.route() == Route.IMPLANT && !RouteSpecificCodes.incisionImplant(plan.currentDrug().hcpcs()));
    }

    /** Action: one SC/IM injection code. */
    public static void code(CodingPlan plan, Administration a) {
        plan.standAlone(injection(plan, a, plan.currentDrug()));
    }

    public static Coded injection(CodingPlan plan, Administration a, Drug drug) {
        boolean cancer = plan.cancerDiagnosis();
        String code = code(drug, cancer);
        return Coded.of(code, 1, RULE.id(), () -> reason(drug, cancer) + " (administration " + a.administrationId() + ", " + a.route() + ")");
    }

    /** Action: each billed 96377 unit replaces one expected single-unit SC injection (96372 first), never rewritten. */
    public static void keepOnBodyInjector(CodingPlan plan) {
        java.util.List<Coded> expected = plan.administrationCodes();
        int units = plan.billedUnits(ON_BODY);
        for (int u = 0; u < units; u++) {
            int at = -1;
            for (int i = 0; i < expected.size() && at < 0; i++) if (expected.get(i).code.equals(THERAPEUTIC) && expected.get(i).units == 1) at = i;
            for (int i = 0; i < expected.size() && at < 0; i++) {
                AdminCode a = plan.admin(expected.get(i).code);
                if (a != null && a.slot() == AdminSlot.SC_IM_INJECTION && expected.get(i).units == 1) at = i;
            }
            if (at < 0) return;
            Coded was = expected.get(at);
            expected.set(at, Coded.of(ON_BODY, 1, RULE.id(), () -> was.reason()
                    + "; billed as 96377 (on-body injector application): its own code, kept"));
        }
    }

    /** Comparison: 96377 billed is accepted for an expected 96372 (the on-body injector's own code). */
    public static final PlanRule ACCEPT_ON_BODY = PlanRule.of(RULE, "96377 billed: accepted for 96372",
            p -> true, p -> p.comparison().accept(ON_BODY, THERAPEUTIC));

    /** Comparison: an antineoplastic injection billed as 96372 (underpayment). */
    public static final ItemRule<AdminDifference> DOWNCODED = ItemRule.of(RULE, "96372 billed for 96401/96402: DOWNCODED_TO_96372",
            (p, d) -> d.billedCode().equals(THERAPEUTIC) && (d.expectedCode().equals(NON_HORMONAL) || d.expectedCode().equals(HORMONAL)),
            ScImInjectionCode::downcoded);

    /** Comparison: 96401 billed for 96402 or the reverse. */
    public static final ItemRule<AdminDifference> HORMONAL_CLASS = ItemRule.of(RULE, "96401 and 96402 swapped: HORMONAL_CLASS_MISMATCH",
            (p, d) -> (d.billedCode().equals(NON_HORMONAL) && d.expectedCode().equals(HORMONAL))
                    || (d.billedCode().equals(HORMONAL) && d.expectedCode().equals(NON_HORMONAL)),
            ScImInjectionCode::hormonalClass);

    public static void downcoded(CodingPlan plan, AdminDifference d) {
        d.kind = FindingKind.DOWNCODED_TO_96372;
        d.forced = Direction.UNDERPAYMENT;
        d.lead = "antineoplastic injection billed as the generic therapeutic injection 96372; expected " + d.expectedCode();
    }

    public static void hormonalClass(CodingPlan plan, AdminDifference d) {
        d.kind = FindingKind.HORMONAL_CLASS_MISMATCH;
        d.lead = d.billedCode() + " billed but the drug's hormonal class takes " + d.expectedCode();
    }

    /** Claims-only: each billed 96377 (on-body injector) accounts for one SC drug, a supportive agent first. */
    public static final PlanRule CLAIMS_ONLY_ON_BODY = PlanRule.of(RULE, "each 96377 billed accounts for one SC drug",
            p -> onBodyUnits(p.claimsOnly()) > 0, ScImInjectionCode::onBodyDrugs);

    /** Claims-only: an injection billed with no IV service: a drug usually given IV whose label allows SC/IM was injected. */
    public static final PlanRule CLAIMS_ONLY_INJECTED_IV_DRUG = PlanRule.of(RULE, "injections billed, no IV service: an IV drug whose label allows SC/IM was injected",
            ScImInjectionCode::ivDrugInjected, ScImInjectionCode::injectIvDrugs);

    /** Claims-only: one SC/IM code per SC/IM drug billed, by its class and the diagnoses; extra billed units are kept. */
    public static final PlanRule CLAIMS_ONLY_RECODE = PlanRule.of(RULE, "one SC/IM code per SC/IM drug billed",
            p -> !p.claimsOnly().scImDrugs.isEmpty(), ScImInjectionCode::recode);

    private static int onBodyUnits(ClaimsOnlyPlan c) {
        int n = 0;
        for (Coded o : c.other) if (o.code.equals(ON_BODY)) n += o.units;
        return n;
    }

    public static void onBodyDrugs(CodingPlan plan) {
        ClaimsOnlyPlan c = plan.claimsOnly();
        int onBody = onBodyUnits(c);
        for (int i = 0; i < onBody && !c.scImDrugs.isEmpty(); i++) c.scImDrugs.remove(onBodyCandidate(c.scImDrugs));
    }

    /** The SC drug an on-body injector most likely delivered: a supportive agent (pegfilgrastim) before an antineoplastic. */
    private static int onBodyCandidate(java.util.List<Drug> drugs) {
        for (int i = 0; i < drugs.size(); i++) if (!drugs.get(i).drugClass().antineoplastic()) return i;
        return 0;
    }

    public static boolean ivDrugInjected(CodingPlan plan) {
        ClaimsOnlyPlan c = plan.claimsOnly();
        int billedScIm = c.billedScImUnits();
        return c.iv.isEmpty() && c.unknown == 0 && billedScIm > c.scImDrugs.size() && c.scImDrugs.size() + c.scImCapable.size() <= billedScIm;
    }

    public static void injectIvDrugs(CodingPlan plan) {
        ClaimsOnlyPlan c = plan.claimsOnly();
        for (Drug d : c.scImCapable) {
            c.scImDrugs.add(d);
            c.ivNames.removeIf(n -> n.contains("(" + d.hcpcs() + ","));
            AdminFamily f = ChemotherapyFamily.of(d, plan.cancerDiagnosis(), plan.payer());
            if (f == AdminFamily.CHEMOTHERAPY) c.chemoIv--; else if (f == AdminFamily.THERAPEUTIC) c.nonChemoIv--;
        }
    }

    public static void recode(CodingPlan plan) {
        ClaimsOnlyPlan c = plan.claimsOnly();
        java.util.List<Coded> billed = c.scIm;
        boolean cancer = plan.cancerDiagnosis();
        java.util.List<Coded> expected = new ArrayList<>(c.scImDrugs.size());
        for (Drug d : c.scImDrugs) {
            expected.add(Coded.of(code(d, cancer), 1, RULE.id(),
                    () -> reason(d, cancer) + " (claims-only: drug " + d.hcpcs() + " billed, usual route " + d.usualRoute() + ")"));
        }
        int billedUnits = 0;
        for (Coded b : billed) billedUnits += b.units;
        // more SC/IM units billed than SC/IM drugs: the extra units stay as billed (not judged without the record)
        int extra = billedUnits - expected.size();
        if (extra > 0) {
            java.util.List<Coded> pool = new ArrayList<>();
            for (Coded b : billed) for (int i = 0; i < b.units; i++) pool.add(b);
            for (Coded e : expected) {
                for (int i = 0; i < pool.size(); i++) if (pool.get(i).code.equals(e.code)) { pool.remove(i); break; }
            }
            for (int i = 0; i < extra && i < pool.size(); i++) {
                Coded b = pool.get(pool.size() - 1 - i);
                expected.add(new Coded(b.code, 1, b.modifiers, ClaimsOnlyMode.RULE.id(), () -> b.reason() + " (kept: more injections billed than SC/IM drugs)"));
            }
        }
        c.scIm = expected;
    }
}
