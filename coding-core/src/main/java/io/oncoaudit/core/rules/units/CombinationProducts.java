package io.oncoaudit.core.rules.units;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * HCPCS J9316 / J9144 descriptors: a fixed-dose combination is one code and one administration.
 */
public final class CombinationProducts {
    public static final Rule RULE = new Rule("OA-COMBO-001", "units",
            "Fixed-dose combination products: one HCPCS code, one administration",
            "A fixed-dose combination product (e.g. Phesgo J9316, Darzalex Faspro J9144) is billed with its own HCPCS code and one administration; billing its components (J9306 + J9355 + hyaluronidase) separately is a split.",
            List.of("HCPCS J9316 / J9144 descriptors (the combination is one code)", "Genentech Phesgo coding: J9316 with 96401 (NOTES 3.2 [S-GNE], [S-J9316])"),
            null,
            "The product administered is a single fixed-dose combination described by one HCPCS code.");

    private CombinationProducts() { }
}
