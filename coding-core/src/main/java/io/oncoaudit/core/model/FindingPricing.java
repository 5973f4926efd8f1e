package io.oncoaudit.core.model;

import java.math.BigDecimal;

/**
 * How a finding's amount was priced (contract section 10): the price per unit and the value of each side, the
 * charge basis of the lesser-of rule, the table version used (e.g. {@code ASP 2025-10}, {@code OPPS 2025-10},
 * {@code PFS 2025 October}) and a note saying why when the correction moves no money (packaged, same APC, not
 * payable in the setting). Any field may be null when it does not apply.
 *
 * @param billedPrice         the fee-schedule price per unit of the billed code
 * @param billedValue         the value of the billed line (lesser of its charge and price x units under the built-in default)
 * @param expectedPrice       the fee-schedule price per unit of the expected code
 * @param expectedChargeBasis the charge basis of the expected line (billed charge per unit x expected units, or charge master)
 * @param expectedValue       the value of the expected line
 * @param tableVersion        the reference tables used, e.g. "PFS 2025 October; ASP 2025-10"
 * @param note                why the finding moves the money it moves (e.g. "OPPS: 96401 and 96372 are both in APC 5692")
 */
public record FindingPricing(
        BigDecimal billedPrice,
        BigDecimal billedValue,
        BigDecimal expectedPrice,
        BigDecimal expectedChargeBasis,
        BigDecimal expectedValue,
        String tableVersion,
        String note) {
}
