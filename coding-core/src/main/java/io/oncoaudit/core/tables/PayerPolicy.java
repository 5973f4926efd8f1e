package io.oncoaudit.core.tables;

import java.time.LocalDate;

/**
 * A payer's coding policy. The defaults are the product decisions in NOTES ("Medicare default");
 * each override names its owner and reason so an auditor can defend it.
 *
 * @param biologicsNonCancerTherapeutic biologics (class BIOLOGIC_RESPONSE_MODIFIER) given without a neoplasm
 *        diagnosis take the therapeutic family (96365...) instead of the chemotherapy family
 * @param hydrationSumIntervals non-contiguous hydration intervals of one encounter are summed before the 31-minute and
 *        hour rules (default true; payers.csv column hydration_sum_intervals, blank = true)
 * @param emWithAdministration E/M on an administration day (OA-EM-001): CMS (99211 not payable, 99202-99215 need 25),
 *        MODIFIER_25 (only the modifier check) or NONE; payers.csv em_with_administration, blank = CMS for Medicare, else MODIFIER_25
 * @param jwJzRequiredFrom JW/JZ required on single-dose-container drug lines from this date of service; null = never
 */
public record PayerPolicy(
        String payerId,
        String name,
        PayerType type,
        boolean biologicsNonCancerTherapeutic,
        LocalDate jwJzRequiredFrom,
        String owner,
        String reason,
        boolean hydrationSumIntervals,
        io.oncoaudit.core.rules.em.EmWithAdministration.Policy emWithAdministration) {

    public PayerPolicy {
        if (emWithAdministration == null) {
            emWithAdministration = type == PayerType.MEDICARE ? io.oncoaudit.core.rules.em.EmWithAdministration.Policy.CMS
                    : io.oncoaudit.core.rules.em.EmWithAdministration.Policy.MODIFIER_25;
        }
    }

    /** A policy with the default hydration reading (non-contiguous intervals summed, NOTES section 6) and E/M policy by type. */
    public PayerPolicy(String payerId, String name, PayerType type, boolean biologicsNonCancerTherapeutic,
                       LocalDate jwJzRequiredFrom, String owner, String reason) {
        this(payerId, name, type, biologicsNonCancerTherapeutic, jwJzRequiredFrom, owner, reason, true, null);
    }

    /** A policy with the E/M policy by payer type (Medicare CMS, others modifier 25 only). */
    public PayerPolicy(String payerId, String name, PayerType type, boolean biologicsNonCancerTherapeutic,
                       LocalDate jwJzRequiredFrom, String owner, String reason, boolean hydrationSumIntervals) {
        this(payerId, name, type, biologicsNonCancerTherapeutic, jwJzRequiredFrom, owner, reason, hydrationSumIntervals, null);
    }

    public boolean requiresJwJz(LocalDate dos) {
        return jwJzRequiredFrom != null && !dos.isBefore(jwJzRequiredFrom);
    }
}
