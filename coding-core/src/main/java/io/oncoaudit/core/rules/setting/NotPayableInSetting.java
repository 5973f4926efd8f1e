package io.oncoaudit.core.rules.setting;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * Contract section 10: a professional claim in a facility setting cannot be paid for a service whose PFS facility
 * price is NA, nor for a drug the hospital supplied (place of service 19 or 22). Checked under the built-in CMS
 * default (a loaded fee schedule prices what it prices).
 */
public final class NotPayableInSetting {
    public static final Rule RULE = new Rule("OA-SETTING-001", "setting",
            "Not payable on the professional claim in a facility setting",
            "On a PROFESSIONAL claim at a facility place of service (19, 21, 22, 23, 24), a code whose PFS facility NA indicator is set has no facility payment: the hospital bills the service under OPPS, the physician's line is not payable. At place of service 19 or 22 a drug is supplied by the hospital and billed on its claim; a drug line on the physician's claim is not payable. Either is one finding of kind NOT_PAYABLE_IN_SETTING per line: OVERPAYMENT for the amount the payer allowed (or paid) on the line when it was adjudicated, else a COMPLIANCE finding of amount 0.",
            List.of("CMS PFS Relative Value File CY2025 October release (FACILITY NA INDICATOR)",
                    "Social Security Act section 1848(a)(1) (payment on the fee schedule amount)",
                    "CMS Pub 100-02 ch.15 section 50.3 (an incident-to drug must represent an expense to the physician)"),
            null,
            "The service was furnished in a hospital outpatient department, which bills the facility service and any drug it supplied on its own claim; the physician's claim carries the professional services only.");

    private NotPayableInSetting() { }
}
