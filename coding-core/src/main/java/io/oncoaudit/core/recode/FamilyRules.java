package io.oncoaudit.core.recode;

import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.DrugClass;
import io.oncoaudit.core.tables.PayerPolicy;

/**
 * Which administration family a drug takes, and which SC/IM code.
 * OA-FAM-001 (CMS Transmittal 129; Noridian A52953), OA-FAM-002 (T129: anti-emetic, anti-anemia are not
 * chemotherapy; CPT Assistant May 2007: leucovorin, mesna), OA-SCIM-001 (CPT 96401/96402 descriptors).
 */
public final class FamilyRules {
    public static final String CHEMO_SC_IM_NON_HORMONAL = "96401";
    public static final String CHEMO_SC_IM_HORMONAL = "96402";
    public static final String THERAPEUTIC_SC_IM = "96372";

    private FamilyRules() { }

    /** Family for an IV / infusion route. Null drug (unknown code) is decided by the caller. */
    public static AdminFamily family(Drug drug, boolean cancerDiagnosis, PayerPolicy payer) {
        DrugClass c = drug.drugClass();
        return switch (c) {
            case NON_HORMONAL_ANTINEOPLASTIC, HORMONAL_ANTINEOPLASTIC -> AdminFamily.CHEMOTHERAPY;
            case BIOLOGIC_RESPONSE_MODIFIER -> (payer.biologicsNonCancerTherapeutic() && !cancerDiagnosis)
                    ? AdminFamily.THERAPEUTIC : AdminFamily.CHEMOTHERAPY;
            case HYDRATION_FLUID -> AdminFamily.HYDRATION;
            case SUPPORTIVE, OTHER -> AdminFamily.THERAPEUTIC;
        };
    }

    /**
     * SC/IM code: 96401 for a non-hormonal antineoplastic (any diagnosis, CMS T129); 96402 for a hormonal
     * antineoplastic given for cancer; 96401 for a biologic given for cancer unless the payer's non-cancer
     * override applies; otherwise 96372.
     */
    public static String scImCode(Drug drug, boolean cancerDiagnosis, PayerPolicy payer) {
        return switch (drug.drugClass()) {
            case NON_HORMONAL_ANTINEOPLASTIC -> CHEMO_SC_IM_NON_HORMONAL;
            case HORMONAL_ANTINEOPLASTIC -> cancerDiagnosis ? CHEMO_SC_IM_HORMONAL : THERAPEUTIC_SC_IM;
            case BIOLOGIC_RESPONSE_MODIFIER -> cancerDiagnosis ? CHEMO_SC_IM_NON_HORMONAL : THERAPEUTIC_SC_IM;
            default -> THERAPEUTIC_SC_IM;
        };
    }

    /** Why the SC/IM code is what it is, in words an auditor can quote. */
    public static String scImReason(Drug drug, boolean cancerDiagnosis) {
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
}
