package io.oncoaudit.core.model;

/** Which way a finding moves money (contract section 4). */
public enum Direction {
    /** The practice was paid less than correct coding earns. */
    UNDERPAYMENT,
    /** Billed more than correct coding supports: a recoupment risk on audit. */
    OVERPAYMENT,
    /** The line was denied, or will be, and the correction recovers it. */
    DENIAL,
    /**
     * The coding is wrong but the correction moves no money on the schedule in use (amount 0): two codes in one
     * OPPS APC, a packaged code, a code not payable in the setting (contract section 4).
     */
    COMPLIANCE
}
