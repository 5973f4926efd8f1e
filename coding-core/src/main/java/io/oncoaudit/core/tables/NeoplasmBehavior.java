package io.oncoaudit.core.tables;

/** ICD-10-CM chapter 2 blocks by behaviour (C00-D49). */
public enum NeoplasmBehavior {
    MALIGNANT(true), IN_SITU(true), BENIGN(false), UNCERTAIN(true), UNSPECIFIED(true);

    private final boolean cancerIndication;

    NeoplasmBehavior(boolean cancerIndication) { this.cancerIndication = cancerIndication; }

    /** Whether the block supports a cancer indication for a hormonal antineoplastic (a benign fibroid does not). */
    public boolean cancerIndication() { return cancerIndication; }
}
