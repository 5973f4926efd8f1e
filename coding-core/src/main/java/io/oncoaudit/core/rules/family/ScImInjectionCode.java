package io.oncoaudit.core.rules.family;

import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.Drug;
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
}
