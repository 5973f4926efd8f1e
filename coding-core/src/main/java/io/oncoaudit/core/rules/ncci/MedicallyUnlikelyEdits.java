package io.oncoaudit.core.rules.ncci;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/** NCCI medically unlikely edits: units of service per line (MAI 1) or per date of service (MAI 2, 3). */
public final class MedicallyUnlikelyEdits {
    public static final Rule RULE = new Rule("OA-NCCI-002", "ncci",
            "NCCI medically unlikely edits (MUE)",
            "Units of a code above its MUE value on the date of service are denied: MAI 1 is a line edit (a line with more units than the value is denied whole), MAI 2 (policy) and MAI 3 (clinical) are date-of-service edits (the units above the value are denied). The expected units are capped at the value. MAI 2 edits rest on policy and are not offered for appeal; MAI 1 and 3 may be appealed with documentation of medical necessity. MUE values come only from the official CMS files loaded with --ncci DIR: none is shipped.",
            List.of("CMS NCCI Policy Manual for Medicare Services ch.1 (medically unlikely edits, MUE adjudication indicators)",
                    "CMS Medicare NCCI MUE tables (quarterly, practitioner services)"),
            null,
            "The units billed are supported by the documented doses and medical necessity; the MUE adjudication indicator permits review on appeal.",
            List.of());

    private MedicallyUnlikelyEdits() { }
}
