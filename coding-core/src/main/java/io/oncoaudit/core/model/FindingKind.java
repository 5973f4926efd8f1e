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
    /** Extension: an E/M visit not payable with a drug administration service on the same day (Medicare 99211). */
    EM_WITH_ADMINISTRATION,
    /** Extension: an NCCI procedure-to-procedure edit pair billed together (details: column1, column2, modifier indicator). */
    NCCI_PTP_EDIT,
    /** Extension: more units than the NCCI medically unlikely edit allows (details: MUE value, MAI). */
    MUE_EXCEEDED
}
