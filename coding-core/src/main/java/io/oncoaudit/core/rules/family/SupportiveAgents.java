package io.oncoaudit.core.rules.family;

import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.DrugClass;
import java.util.List;

/**
 * CMS Transmittal 129 (anti-emetic and anti-anemia drugs are not chemotherapy); CPT Assistant May 2007 (leucovorin, mesna).
 */
public final class SupportiveAgents {
    public static final Rule RULE = new Rule("OA-FAM-002", "family",
            "Supportive and modulating agents take therapeutic codes",
            "Leucovorin, levoleucovorin, mesna, antiemetics, steroids, antihistamines, G-CSFs, anti-anemia and bone agents are administered with therapeutic codes (96365-96379, 96372), never chemotherapy codes.",
            List.of("CMS Transmittal 129: anti-anemia and anti-emetic drugs are not chemotherapy administration",
                    "CPT Assistant May 2007 (leucovorin/mesna: modulating/protective agents) as quoted in NOTES 1.5; product decision 6"),
            "SEED-003 bills G-CSF injections as 96401: G-CSFs are supportive; SC G-CSF is 96372 (96377 for an on-body injector).",
            "Supportive and modulating agents are reported with the therapeutic, prophylactic and diagnostic administration codes; CMS excludes anti-emetic and anti-anemia drugs from chemotherapy administration.");

    private SupportiveAgents() { }

    /** Supportive, modulating and other non-antineoplastic drugs take the therapeutic family. */
    public static final AdminFamily FAMILY = AdminFamily.THERAPEUTIC;

    public static boolean applies(Drug drug) {
        return drug.drugClass() == DrugClass.SUPPORTIVE || drug.drugClass() == DrugClass.OTHER;
    }
}
