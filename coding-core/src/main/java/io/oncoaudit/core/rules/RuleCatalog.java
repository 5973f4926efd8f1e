package io.oncoaudit.core.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule the recoder applies, by stable id. docs/rules.md is generated from this catalog
 * (RuleCatalogTests fails when the two drift apart). Authority order: CPT, CMS IOM 100-04 ch.12,
 * CMS transmittals and MAC articles, NCCI policy manual, HCPCS descriptors, then the seeds.
 */
public final class RuleCatalog {
    private RuleCatalog() { }

    public static final Rule TIME_PUSH = new Rule("OA-TIME-001", "time",
            "IV push vs infusion by documented minutes",
            "An IV (or intra-arterial) administration of 15 minutes or less is a push (96409, 96374, 96420); 16 minutes or more is an infusion (96413, 96365, 96422).",
            List.of("CPT Drug Administration guidelines: an infusion of 15 minutes or less is reported as a push",
                    "NOTES 1.2 [S-PUSH]; product decision 1"),
            "SEED-001 says 'less than 16 minutes' (equivalent; the source is CPT, not CMS). SEED-004's pemetrexed '900 mg over 10 minutes' coded 96413 is wrong: 10 minutes is a push (96411 after a chemo infusion).",
            "CPT defines a push as an injection in which the health care professional is continuously present, or an infusion of 15 minutes or less; the record documents the start and stop times.");

    public static final Rule TIME_ADDITIONAL_HOUR = new Rule("OA-TIME-002", "time",
            "Additional-hour units: more than 30 minutes beyond each hour",
            "The initial code covers up to 90 minutes. Each additional-hour unit (96415, 96366, 96361, 96423) requires more than 30 minutes beyond the hour boundary: units = 0 when T-60 <= 30, else ceil((T-60-30)/60). 90 min = 0, 91 = 1, 150 = 1, 151 = 2.",
            List.of("CPT 96415/96366/96361/96423 parentheticals: 'Report ... for infusion intervals of greater than 30 minutes beyond 1-hour increments'",
                    "NOTES 1.2 [S-BMS], [S-IFRAME]; product decision 2"),
            "SEED-004 codes a 90-minute infusion as 96413 + 96415 (wrong: 30 minutes is not more than 30). The [S-IFRAME] example of 150 minutes = two 96415 contradicts its own rule; 150 minutes = one unit. SEED-003's 'up to 8 hours' cap belongs to the deleted code 96412. SEED-004 carboplatin/paclitaxel FAQ omits the paclitaxel hours (96417 + 96415 x2).",
            "CPT instructs that an additional hour is reported only for infusion intervals of greater than 30 minutes beyond 1-hour increments; the documented start and stop times support the units claimed.");

    public static final Rule HYDRATION = new Rule("OA-TIME-003", "time",
            "Hydration: 31-minute minimum, not reportable while another infusion runs",
            "Hydration (96360, 96361) counts only minutes when no other infusion runs through the access; 30 minutes or less is not reportable; as a secondary service it is 96361 (1 unit for 31-90 minutes, then the >30-minute rule).",
            List.of("CPT 96360 descriptor (31 minutes to 1 hour) and hydration guidelines",
                    "CPT 96361 parenthetical (hydration as a secondary or subsequent service)",
                    "NOTES 1.2 [S-PUSH], [S-HIER]"),
            "SEED-003 calls pre-/post-chemo hydration 'separately billable' without qualification: only when at least 31 minutes, medically necessary and not concurrent with the chemotherapy infusion.",
            "Hydration is reportable for 31 minutes or more of hydration not given concurrently with another infusion.");

    public static final Rule CHEMO_FAMILY = new Rule("OA-FAM-001", "family",
            "Which drugs take chemotherapy administration codes",
            "Antineoplastic drugs (also when given for a non-cancer diagnosis) and monoclonal antibodies / biologic response modifiers take the chemotherapy family (96401-96549). A payer policy may require the therapeutic family for biologics given without a neoplasm diagnosis; never the Medicare default.",
            List.of("CMS Transmittal 129 / CR 3631 (eff. 2005-01-01)", "Noridian JE Part B Coverage Article A52953 (CPT text as adopted by the MAC)",
                    "NOTES 1.5; product decision 4"),
            "SEED-004 says rituximab for RA / infliximab for Crohn's 'use 96365' and that the diagnosis drives the code: under the CMS text the chemotherapy family applies to MAbs/BRMs; the therapeutic family is a payer-specific override (payers.csv).",
            "CMS Transmittal 129 and the MAC's chemotherapy administration article apply the chemotherapy administration codes to antineoplastic agents, including when given for non-cancer diagnoses, and to monoclonal antibodies and other biologic response modifiers.");

    public static final Rule SUPPORTIVE_FAMILY = new Rule("OA-FAM-002", "family",
            "Supportive and modulating agents take therapeutic codes",
            "Leucovorin, levoleucovorin, mesna, antiemetics, steroids, antihistamines, G-CSFs, anti-anemia and bone agents are administered with therapeutic codes (96365-96379, 96372), never chemotherapy codes.",
            List.of("CMS Transmittal 129: anti-anemia and anti-emetic drugs are not chemotherapy administration",
                    "CPT Assistant May 2007 (leucovorin/mesna: modulating/protective agents) as quoted in NOTES 1.5; product decision 6"),
            "SEED-003 bills G-CSF injections as 96401: G-CSFs are supportive; SC G-CSF is 96372 (96377 for an on-body injector).",
            "Supportive and modulating agents are reported with the therapeutic, prophylactic and diagnostic administration codes; CMS excludes anti-emetic and anti-anemia drugs from chemotherapy administration.");

    public static final Rule SC_IM_CODE = new Rule("OA-SCIM-001", "family",
            "SC/IM injection: 96401, 96402 or 96372",
            "A non-hormonal antineoplastic given SC/IM is 96401; a hormonal antineoplastic given SC/IM for a cancer diagnosis (ICD-10-CM malignant, in situ, uncertain or unspecified behaviour) is 96402; every other SC/IM drug (including a hormone for endometriosis, fibroids or fertility, and non-antineoplastic biologics such as omalizumab and denosumab) is 96372. One unit per injection documented.",
            List.of("CPT 96401 / 96402 descriptors ('non-hormonal anti-neoplastic' / 'hormonal anti-neoplastic')",
                    "CMS PFS RVU file CY2025 short text 'Chemo hormon antineopl sq/im'", "NOTES product decision 5"),
            "SEED-002 (older CPT) says hormonal antineoplastics take 96401: since the 2006 split they take 96402. The largest leak: antineoplastic injections billed as 96372.",
            "CPT 96401 and 96402 describe chemotherapy administration by subcutaneous or intramuscular injection of non-hormonal and hormonal anti-neoplastic agents respectively; 96372 describes therapeutic injections of other drugs.");

    public static final Rule ONE_INITIAL = new Rule("OA-HIER-001", "hierarchy",
            "One initial service per encounter, chosen by the CPT hierarchy",
            "Only one initial IV service per encounter and access: chemotherapy > therapeutic > hydration, and within a family infusion > push; the initial is not the first given nor the longest. Every other IV service is an add-on (96417, 96411, 96367, 96375, 96361).",
            List.of("CPT Drug Administration guidelines (facility hierarchy; physician: primary reason for the encounter)",
                    "NOTES 1.3 [S-HIER]; product decision 3"),
            "SEED-003 and SEED-001 pick the initial code by the longest infusion: duration is not the criterion.",
            "CPT permits one initial drug administration service per encounter unless protocol requires two separate IV sites; the hierarchy selects the initial code irrespective of the order of administration.");

    public static final Rule SEQUENTIAL_CONCURRENT = new Rule("OA-SEQ-001", "hierarchy",
            "Sequential vs concurrent infusions",
            "An infusion that overlaps another infusion in time (same access) is concurrent: 96368, once per encounter. One that follows is sequential: 96417 for a chemotherapy drug (with 96415 for its own extra hours), 96367 for a non-chemotherapy drug (with 96366 for its extra hours).",
            List.of("CPT 96367 / 96368 / 96417 descriptors and parentheticals ('report 96368 only once per encounter')",
                    "AAPC Oncology & Hematology Coding Alert: oxaliplatin with concurrent leucovorin = 96413 + 96368 (NOTES 1.4 [S-AAPC-CONC])",
                    "NOTES product decision 7"),
            "SEED-001 codes concurrent leucovorin as 96367 (sequential); SEED-004 calls 96416 'concurrent infusion' (96416 is a pump start); SEED-003 lists 96374 as an add-on. A concurrent second chemotherapy drug is also reported with 96368 (no chemotherapy-specific concurrent code exists; BELIEVED).",
            "CPT distinguishes a sequential infusion of a new drug (96367/96417) from a concurrent infusion (96368), which is reported once per encounter.");

    public static final Rule ADDITIONAL_PUSH = new Rule("OA-SEQ-002", "hierarchy",
            "Additional IV pushes",
            "Each additional chemotherapy drug pushed is 96411; each additional non-chemotherapy drug pushed is 96375; the same non-chemotherapy drug pushed again at least 30 minutes later is 96376 in a facility only (PFS status X).",
            List.of("CPT 96411 / 96375 / 96376 descriptors and parentheticals", "CMS PFS RVU file CY2025: 96376 status X", "NOTES 1.1"),
            "SEED-003 calls a supportive push an add-on '96374': 96374 is an initial code; the add-on is 96375.",
            "CPT reports each additional sequential IV push of a new drug with an add-on code to the initial service.");

    public static final Rule PUMP_START = new Rule("OA-PUMP-001", "hierarchy",
            "Prolonged chemotherapy infusion started on a pump",
            "A chemotherapy infusion of more than 8 hours started on a portable or implantable pump is 96416 (intra-arterial: 96425), reported in addition to the other services; it is not a concurrent-infusion code. G0498 (Medicare, office-supplied pump) is accepted in its place.",
            List.of("CPT 96416 descriptor; CMS PFS short text 'Chemo prolong infuse w/pump'", "HCPCS G0498 descriptor (eff. 2016-01-01)", "NOTES 1.4 [S-G0498]; product decision 8"),
            "SEED-004 calls 96416 a 'concurrent infusion' code. SEED-001 bills 96521 at a disconnect-only visit: 96521 needs an actual refill/maintenance.",
            "CPT 96416 describes the initiation of a prolonged chemotherapy infusion (more than 8 hours) requiring a portable or implantable pump.");

    public static final Rule SITE_CODES = new Rule("OA-SITE-001", "route",
            "Route-specific chemotherapy codes",
            "Intralesional: 96405 (up to 7 lesions) or 96406 (more than 7); intrathecal/CNS: 96450; intra-arterial: 96420 push, 96422 + 96423 infusion, 96425 pump; pleural cavity: 96440; peritoneal cavity via port or catheter: 96446.",
            List.of("CPT 96405, 96406, 96420-96425, 96440, 96446, 96450 descriptors", "CMS PFS short text 'Chemotx admn pertl cav impl' (96446)"),
            "SEED-003 describes 96446 as 'requiring and including peritoneocentesis' (that was the deleted 96445).",
            "CPT assigns route-specific chemotherapy administration codes.");

    public static final Rule SEPARATE_ACCESS = new Rule("OA-HIER-002", "hierarchy",
            "Second initial service through a separate access needs 59/X{EPSU}",
            "When protocol requires two separate IV access sites, each access has its own initial service; the second initial code needs modifier 59 (or XU/XS/XE/XP).",
            List.of("CPT Drug Administration guidelines (two separate IV sites)", "NCCI Policy Manual ch.1 E (modifiers 59 and X{EPSU})", "NOTES 1.3, 1.4 [S-AAPC-CONC]"),
            "SEED-004 describes 'two drugs through separate lines' as concurrent: separate sites are two initial services with 59, concurrent (96368) is the same access.",
            "A second initial service is separately reportable when a separate IV site is required; modifier 59/XU identifies the distinct service.");

    public static final Rule ADDON_PRIMARY = new Rule("OA-ADDON-001", "hierarchy",
            "An add-on code needs its primary",
            "An add-on code (PFS global ZZZ) is reported only with one of its primary codes on the same claim; otherwise it is denied (CARC 107, RARC N122).",
            List.of("CPT parenthetical instructions of each add-on code", "CMS PFS RVU file CY2025 (global ZZZ)", "NCCI Policy Manual ch.1 R (add-on codes)", "NOTES 5.1 (CARC 107)"),
            "SEED-004 says add-on codes are 'exempt from most NCCI PTP edits': not a CMS statement (CMS publishes a separate add-on code edit file).",
            "The add-on code is reported with its primary procedure as CPT requires; the corrected claim lists the primary service that was performed.");

    public static final Rule DRUG_UNITS = new Rule("OA-UNITS-001", "units",
            "Drug units: dose / billing-unit size, rounded up",
            "Units = total dose given in the encounter / the HCPCS descriptor amount, rounded up to a whole unit; a dose below one unit is 1 unit. Mass units convert (g, mg, mcg).",
            List.of("CMS Recovery Audit approved issue 0074 (units in multiples of the descriptor; round up)",
                    "CMS Pub 100-04 Transmittal 2193 (J9355 140 mg = 14 units)", "CGS 'JW and JZ Modifier Guidelines' (Jun 2023)", "NOTES 3.1; product decision 9"),
            "SEED-004 bills carboplatin J9045 at 10 mg (x65), cisplatin J9060 at 1 mg (x135), pemetrexed 900 mg as x100 and methylprednisolone 100 mg as J2920 x2; SEED-001 bills doxorubicin 60 mg as J9000 x10; SEED-003 lists paclitaxel J9265 30 mg, rituximab J9312 100 mg, durvalumab J0179 and pegfilgrastim J2505. Correct: J9045 50 mg (x13), J9060 10 mg (x14), J9305 x90, J2920 x3, J9000 x6, J9267 1 mg, J9312 10 mg, J9173, J2506 0.5 mg.",
            "Units are reported in multiples of the dosage in the HCPCS long descriptor, rounded up to the next whole unit.");

    public static final Rule WASTE_MODIFIERS = new Rule("OA-WASTE-001", "units",
            "JW / JZ on single-dose-container drug lines",
            "Where the payer requires it (Medicare: DOS on or after 2023-07-01), a single-dose-container drug line carries JZ when nothing billable was discarded, or the administered line plus a separate JW line for the discarded units (units = ceil((dose + waste)/size) - ceil(dose/size)); JW is not permitted when rounding already covers the waste; never JW and JZ on one line; not for multi-dose containers.",
            List.of("CMS CR 'New Claims Modifier Requirement for Drugs and Biologicals from a Single-Dose Container' (2023)",
                    "CMS Pub 100-04 ch.17 section 40", "Noridian 'Modifier JZ' (JW not permitted when the unit covers dose + discard)", "NOTES 3.1 [S-JWJZ]; product decision 10"),
            null,
            "The drug came from a single-dose container; the discarded amount is documented in the record and reported on a separate line with modifier JW (or JZ where nothing was discarded), as CMS requires.");

    public static final Rule COMBINATION_PRODUCT = new Rule("OA-COMBO-001", "units",
            "Fixed-dose combination products: one HCPCS code, one administration",
            "A fixed-dose combination product (e.g. Phesgo J9316, Darzalex Faspro J9144) is billed with its own HCPCS code and one administration; billing its components (J9306 + J9355 + hyaluronidase) separately is a split.",
            List.of("HCPCS J9316 / J9144 descriptors (the combination is one code)", "Genentech Phesgo coding: J9316 with 96401 (NOTES 3.2 [S-GNE], [S-J9316])"),
            null,
            "The product administered is a single fixed-dose combination described by one HCPCS code.");

    public static final Rule DRUG_CODE_VALID = new Rule("OA-UNITS-002", "units",
            "Drug code valid on the date of service",
            "A deleted HCPCS code is replaced by its successor (J2505 -> J2506 from 2022-01-01; J9265 -> J9267; J9310 -> J9312), with units recomputed on the successor's descriptor.",
            List.of("HCPCS annual updates; Amgen notice 'Updated HCPCS code ... Neulasta' (J2506 eff. 2022-01-01) (NOTES 3.2 [S-AMGEN])"),
            "SEED-003 lists J2505 and J9265, which are not valid for current dates of service.",
            "The drug is reported with the HCPCS code in effect on the date of service.");

    public static final Rule CLAIMS_ONLY = new Rule("OA-CLAIMS-001", "mode",
            "Claims-only mode: re-code administration lines from the billed drugs",
            "Without an administration record, administration codes are re-coded from the billed drug codes (class, usual route) and the diagnoses; drug lines are left as billed; times and units that need the record are not judged.",
            List.of("Contract section 4", "Rules OA-FAM-001, OA-FAM-002, OA-SCIM-001, OA-HIER-001, OA-ADDON-001 applied to the billed lines"),
            null,
            "The billed drugs establish the administration family; the corrected administration codes follow CPT and CMS guidance for those drugs.");

    public static final Rule PRICING = new Rule("OA-PRICE-001", "pricing",
            "Every line priced on the payer's fee schedule",
            "A line's amount = allowed amount per unit x units, on the schedule row for the payer (exact beats '*'), the setting (POS 19/21/22/23/24 = FACILITY) and the date of service; a code with no price is worth 0 with a warning. Built-in default: CMS PFS national amounts (total RVU x CF 32.3465, CY2025 October file).",
            List.of("Contract section 2", "CMS PFS Relative Value File CY2025 October release", "NOTES 2.1, 2.2; product decision 11"),
            null,
            null);

    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    static {
        for (Rule r : List.of(TIME_PUSH, TIME_ADDITIONAL_HOUR, HYDRATION, CHEMO_FAMILY, SUPPORTIVE_FAMILY, SC_IM_CODE,
                ONE_INITIAL, SEPARATE_ACCESS, SEQUENTIAL_CONCURRENT, ADDITIONAL_PUSH, PUMP_START, ADDON_PRIMARY, SITE_CODES,
                DRUG_UNITS, DRUG_CODE_VALID, WASTE_MODIFIERS, COMBINATION_PRODUCT, CLAIMS_ONLY, PRICING)) {
            if (BY_ID.put(r.id(), r) != null) throw new IllegalStateException("duplicate rule id " + r.id());
        }
    }

    public static List<Rule> all() { return List.copyOf(BY_ID.values()); }

    public static Rule byId(String id) { return BY_ID.get(id); }
}
