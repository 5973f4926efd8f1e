package io.oncoaudit.core.tables;

/** CPT drug-administration families, in hierarchy order (CPT facility instructions; NOTES 1.3). */
public enum AdminFamily {
    CHEMOTHERAPY, THERAPEUTIC, HYDRATION;

    /** Lower is higher in the hierarchy: chemotherapy > therapeutic > hydration. */
    public int rank() { return ordinal(); }
}
