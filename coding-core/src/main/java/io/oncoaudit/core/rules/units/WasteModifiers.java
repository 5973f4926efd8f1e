package io.oncoaudit.core.rules.units;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CMS JW/JZ requirement for single-dose containers (JZ required from 2023-07-01); Pub 100-04 ch.17 s.40.
 */
public final class WasteModifiers {
    public static final Rule RULE = new Rule("OA-WASTE-001", "units",
            "JW / JZ on single-dose-container drug lines",
            "Where the payer requires it (Medicare: DOS on or after 2023-07-01), a single-dose-container drug line carries JZ when nothing billable was discarded, or the administered line plus a separate JW line for the discarded units (units = ceil((dose + waste)/size) - ceil(dose/size)); JW is not permitted when rounding already covers the waste; never JW and JZ on one line; not for multi-dose containers.",
            List.of("CMS CR 'New Claims Modifier Requirement for Drugs and Biologicals from a Single-Dose Container' (2023)",
                    "CMS Pub 100-04 ch.17 section 40", "Noridian 'Modifier JZ' (JW not permitted when the unit covers dose + discard)", "NOTES 3.1 [S-JWJZ]; product decision 10"),
            null,
            "The drug came from a single-dose container; the discarded amount is documented in the record and reported on a separate line with modifier JW (or JZ where nothing was discarded), as CMS requires.");

    private WasteModifiers() { }
}
