package io.oncoaudit.core.rules.units;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CMS Recovery Audit issue 0074 and Pub 100-04 Transmittal 2193: units in multiples of the descriptor, rounded up.
 */
public final class DrugUnits {
    public static final Rule RULE = new Rule("OA-UNITS-001", "units",
            "Drug units: dose / billing-unit size, rounded up",
            "Units = total dose given in the encounter / the HCPCS descriptor amount, rounded up to a whole unit; a dose below one unit is 1 unit. Mass units convert (g, mg, mcg).",
            List.of("CMS Recovery Audit approved issue 0074 (units in multiples of the descriptor; round up)",
                    "CMS Pub 100-04 Transmittal 2193 (J9355 140 mg = 14 units)", "CGS 'JW and JZ Modifier Guidelines' (Jun 2023)", "NOTES 3.1; product decision 9"),
            "SEED-004 bills carboplatin J9045 at 10 mg (x65), cisplatin J9060 at 1 mg (x135), pemetrexed 900 mg as x100 and methylprednisolone 100 mg as J2920 x2; SEED-001 bills doxorubicin 60 mg as J9000 x10; SEED-003 lists paclitaxel J9265 30 mg, rituximab J9312 100 mg, durvalumab J0179 and pegfilgrastim J2505. Correct: J9045 50 mg (x13), J9060 10 mg (x14), J9305 x90, J2920 x3, J9000 x6, J9267 1 mg, J9312 10 mg, J9173, J2506 0.5 mg.",
            "Units are reported in multiples of the dosage in the HCPCS long descriptor, rounded up to the next whole unit.");

    private DrugUnits() { }
}
