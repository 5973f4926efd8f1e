package io.oncoaudit.core.rules;

import java.util.List;

/**
 * The seed documents' errors (shared/reference/NOTES.md section 4) and what the product does about each:
 * the rule that encodes the correct fact, or why it is outside the recoder's scope.
 */
public final class SeedErrata {
    private SeedErrata() { }

    public record Erratum(int number, String seed, String claim, String resolution, String ruleId) { }

    public static List<Erratum> all() {
        return List.of(
                new Erratum(1, "004", "90-minute infusion = 96413 + 96415 x1", "90 min = 96413 only; 96415 from 91 min", RuleCatalog.TIME_ADDITIONAL_HOUR.id()),
                new Erratum(2, "004", "pemetrexed over 10 minutes coded 96413", "10 minutes is a push: 96411 after the cisplatin infusion", RuleCatalog.TIME_PUSH.id()),
                new Erratum(3, "004", "carboplatin 2 h then paclitaxel 3 h = 96413 + 96415 + 96417", "the sequential drug's own hours count: 96413 + 96415 x3 + 96417", RuleCatalog.TIME_ADDITIONAL_HOUR.id()),
                new Erratum(4, "003", "96415 up to 8 hours", "no cap in the current descriptor (the 8-hour wording was the deleted 96412)", RuleCatalog.TIME_ADDITIONAL_HOUR.id()),
                new Erratum(5, "004", "MAC LCDs restate the 31-minute rule", "the rule is the CPT '>30 minutes beyond 1-hour increments' parenthetical; cited as such", RuleCatalog.TIME_ADDITIONAL_HOUR.id()),
                new Erratum(6, "004", "96416 = concurrent infusion", "96416 is a >8 h pump start; concurrent is 96368 once per encounter", RuleCatalog.PUMP_START.id()),
                new Erratum(7, "001", "concurrent leucovorin = 96367", "concurrent = 96368; 96367 is sequential", RuleCatalog.SEQUENTIAL_CONCURRENT.id()),
                new Erratum(8, "001/003", "initial code = longest infusion", "CPT hierarchy, not duration or clock order", RuleCatalog.ONE_INITIAL.id()),
                new Erratum(9, "003", "supportive push is an add-on 96374 or 96368", "96374 is initial; additional push is 96375; 96368 is for infusions", RuleCatalog.ADDITIONAL_PUSH.id()),
                new Erratum(10, "003", "G-CSF injections = 96401", "G-CSFs are supportive: 96372 (96377 on-body)", RuleCatalog.SUPPORTIVE_FAMILY.id()),
                new Erratum(11, "004", "rituximab for RA / infliximab for Crohn's use 96365; diagnosis drives the code", "CMS text: MAbs/BRMs take chemo codes; therapeutic family only by payer override", RuleCatalog.CHEMO_FAMILY.id()),
                new Erratum(12, "004", "add-ons exempt from most NCCI PTP edits", "not a CMS statement; add-ons need their primary (CARC 107)", RuleCatalog.ADDON_PRIMARY.id()),
                new Erratum(13, "001", "96521 at a disconnect-only visit", "96521 needs a refill/maintenance; the recoder never derives 96521 from a pump disconnect", RuleCatalog.PUMP_START.id()),
                new Erratum(14, "000", "96401 with 96413 needs 59/XU", "no PTP pair found in any source: not encoded (no finding raised)", null),
                new Erratum(15, "003", "pre/post-chemo hydration always separately billable", "only >= 31 min and not concurrent with another infusion", RuleCatalog.HYDRATION.id()),
                new Erratum(16, "004", "J9045 per 10 mg (x65 for 650 mg)", "J9045 is 50 mg: x13", RuleCatalog.DRUG_UNITS.id()),
                new Erratum(17, "004", "J9060 per 1 mg (x135)", "J9060 is 10 mg: 135 mg = x14 (round up)", RuleCatalog.DRUG_UNITS.id()),
                new Erratum(18, "004", "pemetrexed 900 mg = J9305 x100", "900 / 10 = x90", RuleCatalog.DRUG_UNITS.id()),
                new Erratum(19, "004", "methylprednisolone 100 mg = J2920 x2", "J2920 is up to 40 mg: x3 (J2920/J2930 replaced by J2919 5 mg from 2025)", RuleCatalog.DRUG_UNITS.id()),
                new Erratum(20, "001", "doxorubicin 60 mg = J9000 x10", "J9000 is 10 mg: x6", RuleCatalog.DRUG_UNITS.id()),
                new Erratum(21, "003", "paclitaxel J9265 per 30 mg", "J9265 deleted; J9267 1 mg", RuleCatalog.DRUG_CODE_VALID.id()),
                new Erratum(22, "003", "rituximab J9312 per 100 mg", "J9312 is 10 mg", RuleCatalog.DRUG_UNITS.id()),
                new Erratum(23, "003", "durvalumab J0179", "durvalumab is J9173 (J0179 is brolucizumab)", RuleCatalog.DRUG_UNITS.id()),
                new Erratum(24, "003", "pegfilgrastim J2505", "J2505 invalid from 2022-01-01: J2506 0.5 mg (6 mg = x12)", RuleCatalog.DRUG_CODE_VALID.id()),
                new Erratum(25, "003", "imatinib J8521, erlotinib J8565", "J8521 is capecitabine, J8565 gefitinib; oral drugs take no administration code (route ORAL)", null),
                new Erratum(26, "000", "Keytruda Qlex J9277 x705", "code unverified, 705 mg not a labeled dose: not shipped in drugs.csv (unknown code => warning)", null),
                new Erratum(27, "000", "Opdivo Qvantig J9289 per 1 mg", "J9289 is per 2 mg (CMS 2025 Oct file): units = mg / 2", RuleCatalog.DRUG_UNITS.id()),
                new Erratum(28, "003", "NDC must match the lot number", "the NDC does not encode the lot; not used by the recoder", null),
                new Erratum(29, "002", "hormonal antineoplastic SC/IM = 96401", "since 2006: 96402", RuleCatalog.SC_IM_CODE.id()),
                new Erratum(30, "003", "CAR-T administration uses 96413", "own code (0540T, then 38228); outside the drug-administration scope", null),
                new Erratum(31, "003", "radiation 77402/77407/77412 energy tiers", "outside scope (not drug administration)", null),
                new Erratum(32, "003", "61797 complex", "outside scope", null),
                new Erratum(33, "003", "96446 requires peritoneocentesis", "96446 is via indwelling port/catheter", RuleCatalog.SITE_CODES.id()),
                new Erratum(34, "003", "lower of ASP+6% or WAC+3%", "pricing comes from the loaded fee schedule; no 'lower of' rule", RuleCatalog.PRICING.id()),
                new Erratum(35, "003", "MACRA (21st Century Cures Act)", "outside scope", null),
                new Erratum(36, "003", "compendia NCCN, ASCO", "outside scope (coverage, not coding)", null),
                new Erratum(37, "003", "all checkpoint inhibitors are IV", "SC forms exist (J9289, J9024): SC antineoplastic = 96401", RuleCatalog.SC_IM_CODE.id()),
                new Erratum(38, "001", "CARC 97 for a non-chemo push billed 96409", "CARC 97 is bundling; denial handling uses the line's own CARCs", null),
                new Erratum(39, "004/001", "duplicate initial codes denied as CARC 18", "CARC 18 = exact duplicate; the finding is DUPLICATE_INITIAL by the hierarchy", RuleCatalog.ONE_INITIAL.id()),
                new Erratum(40, "001", "'per CMS' push < 16 minutes", "equivalent; the source is CPT", RuleCatalog.TIME_PUSH.id()),
                new Erratum(41, "004/001", "IOM 100-04 ch.12 s.30.5 incorporates the hierarchy verbatim", "unverified: cited to CPT instead", RuleCatalog.ONE_INITIAL.id()),
                new Erratum(42, "001", "cyclophosphamide 750 mg/m2 as IV push = 96411", "code from the documented minutes: >= 16 min is an infusion (96417)", RuleCatalog.TIME_PUSH.id()),
                new Erratum(43, "001", "96374 for a chemo push under-codes work RVUs by half", "figures come from the loaded PFS file, not from the seed", RuleCatalog.PRICING.id()));
    }
}
