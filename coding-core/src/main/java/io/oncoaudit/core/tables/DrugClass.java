package io.oncoaudit.core.tables;

/**
 * Drug classes that decide the administration family (CMS Transmittal 129 / CR 3631; Noridian A52953;
 * NOTES 1.5 and product decisions 4-6).
 */
public enum DrugClass {
    /** Non-hormonal antineoplastic: chemotherapy family by any route, also for non-cancer diagnoses; SC/IM = 96401. */
    NON_HORMONAL_ANTINEOPLASTIC,
    /** Hormonal antineoplastic: SC/IM = 96402 for cancer; 96372 for a non-cancer indication. */
    HORMONAL_ANTINEOPLASTIC,
    /** Monoclonal antibody / biologic response modifier that is not primarily an antineoplastic (rituximab for RA,
     *  infliximab): chemotherapy family under the CMS text; a payer policy may require the therapeutic family
     *  for non-cancer indications. SC/IM is 96372 (96401 requires an antineoplastic). */
    BIOLOGIC_RESPONSE_MODIFIER,
    /** Supportive or modulating agent (leucovorin, mesna, antiemetics, steroids, G-CSF, bone agents): therapeutic family. */
    SUPPORTIVE,
    /** IV fluid (saline): hydration family. */
    HYDRATION_FLUID,
    /** Anything else (testosterone, B12, omalizumab): therapeutic family. */
    OTHER,
    /** No public source classifies the drug: no confident administration finding, a review item instead (contract section 4). */
    UNCLASSIFIED;

    public boolean antineoplastic() {
        return this == NON_HORMONAL_ANTINEOPLASTIC || this == HORMONAL_ANTINEOPLASTIC;
    }
}
