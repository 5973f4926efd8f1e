package io.oncoaudit.core.rules.units;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * HCPCS annual updates: a deleted code is replaced by its successor on the date of service.
 */
public final class DrugCodeValid {
    public static final Rule RULE = new Rule("OA-UNITS-002", "units",
            "Drug code valid on the date of service",
            "A deleted HCPCS code is replaced by its successor (J2505 -> J2506 from 2022-01-01; J9265 -> J9267; J9310 -> J9312), with units recomputed on the successor's descriptor.",
            List.of("HCPCS annual updates; Amgen notice 'Updated HCPCS code ... Neulasta' (J2506 eff. 2022-01-01) (NOTES 3.2 [S-AMGEN])"),
            "SEED-003 lists J2505 and J9265, which are not valid for current dates of service.",
            "The drug is reported with the HCPCS code in effect on the date of service.");

    private DrugCodeValid() { }
}
