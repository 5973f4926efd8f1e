package io.oncoaudit.core.pricing;

import java.math.BigDecimal;

/**
 * The price of one code on one claim and where it comes from (contract section 10).
 *
 * @param perUnit         amount per unit (per HCPCS billing unit for drugs); 0.00 when not payable
 * @param source          which table priced it
 * @param version         the table version, e.g. "ASP 2025-10", "OPPS 2025-10", "PFS 2025 October"
 * @param statusIndicator OPPS status indicator (S, T, Q1, N, J1, K, B, ...) on an institutional claim, else null
 * @param apc             OPPS APC, else null
 * @param warning         set when the table is not the one in force on the date (nearest release), else null
 * @param nanos           {@code perUnit} in units of 10^-9 dollars when it fits a long (the recoder multiplies prices by units
 *                        in long arithmetic), else -1; derived from {@code perUnit} by the other constructor
 */
public record Quote(BigDecimal perUnit, Source source, String version, String statusIndicator, String apc, String warning, long nanos) {
    public Quote(BigDecimal perUnit, Source source, String version, String statusIndicator, String apc, String warning) {
        this(perUnit, source, version, statusIndicator, apc, warning, nanos(perUnit));
    }

    /** An amount in nano-dollars when it is not negative and fits (at most 9 decimals and 9 integer digits), else -1. */
    public static long nanos(BigDecimal p) {
        if (p == null) return -1;
        boolean fits = p.signum() >= 0 && p.scale() >= 0 && p.scale() <= 9 && p.precision() - p.scale() <= 9;
        return fits ? p.movePointRight(9).longValueExact() : -1;
    }

    public enum Source {
        /** a loaded fee schedule (contract section 2) */
        FEE_SCHEDULE,
        /** CMS PFS national amount for the setting */
        PFS,
        /** PFS facility NA indicator: not payable on a professional claim in a facility setting */
        PFS_FACILITY_NA,
        /** CMS ASP payment limit per billing unit of the quarter */
        ASP,
        /** a drug on a physician's claim at place of service 19/22: the hospital supplies and bills it */
        DRUG_SUPPLIED_BY_HOSPITAL,
        /** CMS OPPS Addendum B payment rate (the claim's other lines decide packaging) */
        OPPS
    }

    /** Not payable to this claim's provider in this setting (a finding of its own, never a $0 amount). */
    public boolean notPayableInSetting() {
        return source == Source.PFS_FACILITY_NA || source == Source.DRUG_SUPPLIED_BY_HOSPITAL;
    }
}
