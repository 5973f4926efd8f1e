package io.oncoaudit.core.rules.ncci;

import io.oncoaudit.core.rules.Rule;
import java.util.List;
import java.util.Set;

/** NCCI procedure-to-procedure edits: column 2 is not payable with column 1 unless the modifier indicator allows a modifier. */
public final class ProcedureToProcedure {
    public static final Rule RULE = new Rule("OA-NCCI-001", "ncci",
            "NCCI procedure-to-procedure edits",
            "When both codes of an active PTP edit (by date of service) are billed on the claim, the column 2 code is not payable: modifier indicator 0 means no modifier makes it payable (the line is removed from the expected lines and the finding is never offered for appeal); indicator 1 means it is payable only with an NCCI-associated modifier (59, XE, XS, XP, XU, anatomic modifiers, 24, 25, 57, 58, 78, 79, 91) when the record supports a distinct service (denial exposure; the line stays as billed); indicator 9 means no edit. The product ships only pairs it can cite from public text (CPT 96440 includes the thoracentesis, 96450 includes the spinal puncture); the official quarterly PTP files are loaded with --ncci DIR.",
            List.of("CMS NCCI Policy Manual for Medicare Services ch.1 (PTP edits, modifier indicators, NCCI-associated modifiers)",
                    "CMS Medicare NCCI procedure-to-procedure edit files (quarterly, practitioner services)",
                    "CPT 96440 descriptor (requiring and including thoracentesis); CPT 96450 descriptor (requiring and including spinal puncture)"),
            null,
            "The NCCI procedure-to-procedure edit allows the column 2 code with the column 1 code only with an NCCI-associated modifier when the record documents a distinct service.",
            List.of());

    private ProcedureToProcedure() { }

    /** NCCI-associated modifiers (NCCI Policy Manual ch.1 E). */
    public static final Set<String> MODIFIERS = Set.of("59", "XE", "XS", "XP", "XU", "24", "25", "27", "57", "58", "78", "79", "91",
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "LT", "RT", "LC", "LD", "LM", "RC", "RI",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9");
}
