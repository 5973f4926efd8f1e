package io.oncoaudit.core.pricing;

import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.Setting;
import java.math.BigDecimal;
import java.util.Set;

/**
 * One row of the CMS PFS relative value file (PPRRVU*): RVUs, NA indicators, status and conversion factor
 * of one HCPCS code and modifier (blank modifier = the global service).
 *
 * <p>Pricing rules (NOTES 2.2; CMS RVU file readme, status meanings BELIEVED there):
 * <ul>
 * <li>status A, R, T: amount per unit = RVU total x CF, rounded to cents HALF_EVEN. T (paid only when no other
 *     PFS service is billed that day) is priced; whether it is payable on a claim is the recoder's decision.</li>
 * <li>status X (statutory exclusion), B and P (always bundled): 0.00, a price of nothing, not a missing price.</li>
 * <li>every other status (C carrier priced, E excluded, I not valid for Medicare, N non-covered, ...): no price.</li>
 * <li>an "NA" indicator for the setting: no price in that setting (the physician is not paid there).</li>
 * </ul>
 */
public record RvuEntry(
        String hcpcs,
        String modifier,
        String statusCode,
        BigDecimal workRvu,
        BigDecimal nonFacilityPeRvu,
        boolean nonFacilityNa,
        BigDecimal facilityPeRvu,
        boolean facilityNa,
        BigDecimal malpracticeRvu,
        BigDecimal nonFacilityTotal,
        BigDecimal facilityTotal,
        String globalDays,
        BigDecimal conversionFactor) {

    private static final Set<String> PRICED = Set.of("A", "R", "T");
    private static final Set<String> NOT_PAYABLE = Set.of("X", "B", "P");

    /** National amount per unit (all GPCIs 1.0): the file's total RVU for the setting x its conversion factor. */
    public BigDecimal nationalPerUnit(Setting setting) {
        if (NOT_PAYABLE.contains(statusCode)) return Money.ZERO;
        if (!PRICED.contains(statusCode) || naIn(setting)) return null;
        BigDecimal total = setting == Setting.FACILITY ? facilityTotal : nonFacilityTotal;
        return Money.round(total.multiply(conversionFactor));
    }

    /** Locality amount per unit: (W x GPCIw + PE x GPCIpe + MP x GPCImp) x CF (NOTES 2.2). */
    public BigDecimal perUnit(Setting setting, Gpci gpci) {
        if (NOT_PAYABLE.contains(statusCode)) return Money.ZERO;
        if (!PRICED.contains(statusCode) || naIn(setting)) return null;
        BigDecimal pe = setting == Setting.FACILITY ? facilityPeRvu : nonFacilityPeRvu;
        BigDecimal adjusted = workRvu.multiply(gpci.work())
                .add(pe.multiply(gpci.practiceExpense()))
                .add(malpracticeRvu.multiply(gpci.malpractice()));
        return Money.round(adjusted.multiply(conversionFactor));
    }

    /** True when the file marks the setting "NA" (no physician payment there). */
    public boolean naIn(Setting setting) {
        return setting == Setting.FACILITY ? facilityNa : nonFacilityNa;
    }

    /** Add-on code: global period ZZZ (NOTES 1.1). */
    public boolean addOn() { return "ZZZ".equals(globalDays); }
}
