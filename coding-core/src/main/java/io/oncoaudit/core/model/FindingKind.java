package io.oncoaudit.core.model;

/** Finding kinds. The first twelve are the contract's (section 4); the rest are extensions. */
public enum FindingKind {
    DOWNCODED_TO_96372,
    HORMONAL_CLASS_MISMATCH,
    NON_CHEMO_BILLED_AS_CHEMO,
    CHEMO_BILLED_AS_THERAPEUTIC,
    DUPLICATE_INITIAL,
    ADDON_WITHOUT_PRIMARY,
    INFUSION_HOURS,
    COMBINATION_PRODUCT_SPLIT,
    DRUG_UNITS,
    WASTE_MODIFIER,
    MISSING_ADMINISTRATION,
    MISSING_DISTINCT_MODIFIER,
    /** Extension: push billed for an infusion or the reverse, sequential vs concurrent, wrong route code. */
    ADMINISTRATION_CODE_MISMATCH,
    /** Extension: an administration code billed with no documented administration to support it. */
    UNSUPPORTED_ADMINISTRATION,
    /** Extension: a drug code that is not valid on the date of service (e.g. J2505, J9265). */
    INVALID_DRUG_CODE,
    /** Extension (contract section 10): not payable on a professional claim in a facility setting (PFS facility NA; a drug the hospital supplied). */
    NOT_PAYABLE_IN_SETTING,
    /** Extension: the NDC on a drug line is not the 11-digit 5-4-2 form. */
    NDC_FORMAT,
    /** Extension: the NDC is not listed under the billed HCPCS code in the CMS NDC-HCPCS crosswalk of the quarter. */
    NDC_HCPCS_MISMATCH,
    /** Extension: billed units inconsistent with the NDC package's billing units (BILLUNITSPKG) and the dose. */
    NDC_UNITS_MISMATCH,
    /** Extension: an E/M visit not payable with a drug administration service on the same day (Medicare 99211). */
    EM_WITH_ADMINISTRATION,
    /** Extension: an NCCI procedure-to-procedure edit pair billed together (details: column1, column2, modifier indicator). */
    NCCI_PTP_EDIT,
    /** Extension: more units than the NCCI medically unlikely edit allows (details: MUE value, MAI). */
    MUE_EXCEEDED
}
