package io.oncoaudit.core.pricing;

import java.math.BigDecimal;

/**
 * Geographic practice cost indices of one Medicare locality (CMS PFS Addendum E, GPCI2025.csv).
 * {@link #NATIONAL} has all three at 1.0: the national (unadjusted) amount.
 */
public record Gpci(String mac, String state, String localityNumber, String localityName,
                   BigDecimal work, BigDecimal practiceExpense, BigDecimal malpractice) {

    public static final Gpci NATIONAL = new Gpci("", "", "", "NATIONAL", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);

    /** "MAC-locality", e.g. 01112-54. */
    public String macKey() { return mac + "-" + localityNumber; }

    /** "state-locality", e.g. CA-54. */
    public String stateKey() { return state + "-" + localityNumber; }

    public boolean national() { return this == NATIONAL; }
}
