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

    public static final Rule TIME_PUSH = io.oncoaudit.core.rules.time.PushVersusInfusion.RULE;
    public static final Rule TIME_ADDITIONAL_HOUR = io.oncoaudit.core.rules.time.AdditionalHours.RULE;
    public static final Rule HYDRATION = io.oncoaudit.core.rules.time.HydrationMinimum.RULE;
    public static final Rule CHEMO_FAMILY = io.oncoaudit.core.rules.family.ChemotherapyFamily.RULE;
    public static final Rule SUPPORTIVE_FAMILY = io.oncoaudit.core.rules.family.SupportiveAgents.RULE;
    public static final Rule SC_IM_CODE = io.oncoaudit.core.rules.family.ScImInjectionCode.RULE;
    public static final Rule UNCLASSIFIED_DRUG = io.oncoaudit.core.rules.family.UnclassifiedDrugRule.RULE;
    public static final Rule ONE_INITIAL = io.oncoaudit.core.rules.hierarchy.OneInitialService.RULE;
    public static final Rule SEQUENTIAL_CONCURRENT = io.oncoaudit.core.rules.hierarchy.SequentialOrConcurrent.RULE;
    public static final Rule ADDITIONAL_PUSH = io.oncoaudit.core.rules.hierarchy.AdditionalPush.RULE;
    public static final Rule PUMP_START = io.oncoaudit.core.rules.hierarchy.PumpStart.RULE;
    public static final Rule SITE_CODES = io.oncoaudit.core.rules.route.RouteSpecificCodes.RULE;
    public static final Rule SEPARATE_ACCESS = io.oncoaudit.core.rules.hierarchy.SeparateAccess.RULE;
    public static final Rule ADDON_PRIMARY = io.oncoaudit.core.rules.hierarchy.AddOnNeedsPrimary.RULE;
    public static final Rule DRUG_UNITS = io.oncoaudit.core.rules.units.DrugUnits.RULE;
    public static final Rule WASTE_MODIFIERS = io.oncoaudit.core.rules.units.WasteModifiers.RULE;
    public static final Rule COMBINATION_PRODUCT = io.oncoaudit.core.rules.units.CombinationProducts.RULE;
    public static final Rule DRUG_CODE_VALID = io.oncoaudit.core.rules.units.DrugCodeValid.RULE;
    public static final Rule CLAIMS_ONLY = io.oncoaudit.core.rules.mode.ClaimsOnlyMode.RULE;
    public static final Rule EM_WITH_ADMINISTRATION = io.oncoaudit.core.rules.em.EmWithAdministration.RULE;
    public static final Rule NCCI_PTP = io.oncoaudit.core.rules.ncci.ProcedureToProcedure.RULE;
    public static final Rule NCCI_MUE = io.oncoaudit.core.rules.ncci.MedicallyUnlikelyEdits.RULE;
    public static final Rule PRICING = io.oncoaudit.core.rules.pricing.FeeSchedulePricing.RULE;
    public static final Rule NOT_PAYABLE_IN_SETTING = io.oncoaudit.core.rules.setting.NotPayableInSetting.RULE;
    public static final Rule NDC_FORMAT = io.oncoaudit.core.rules.ndc.NdcFormat.RULE;
    public static final Rule NDC_HCPCS = io.oncoaudit.core.rules.ndc.NdcHcpcsMatch.RULE;
    public static final Rule NDC_UNITS = io.oncoaudit.core.rules.ndc.NdcUnits.RULE;
    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();
    private static final Map<String, Class<?>> IMPLEMENTATION = Map.ofEntries(
            Map.entry(TIME_PUSH.id(), io.oncoaudit.core.rules.time.PushVersusInfusion.class),
            Map.entry(TIME_ADDITIONAL_HOUR.id(), io.oncoaudit.core.rules.time.AdditionalHours.class),
            Map.entry(HYDRATION.id(), io.oncoaudit.core.rules.time.HydrationMinimum.class),
            Map.entry(CHEMO_FAMILY.id(), io.oncoaudit.core.rules.family.ChemotherapyFamily.class),
            Map.entry(SUPPORTIVE_FAMILY.id(), io.oncoaudit.core.rules.family.SupportiveAgents.class),
            Map.entry(SC_IM_CODE.id(), io.oncoaudit.core.rules.family.ScImInjectionCode.class),
            Map.entry(UNCLASSIFIED_DRUG.id(), io.oncoaudit.core.rules.family.UnclassifiedDrugRule.class),
            Map.entry(ONE_INITIAL.id(), io.oncoaudit.core.rules.hierarchy.OneInitialService.class),
            Map.entry(SEQUENTIAL_CONCURRENT.id(), io.oncoaudit.core.rules.hierarchy.SequentialOrConcurrent.class),
            Map.entry(ADDITIONAL_PUSH.id(), io.oncoaudit.core.rules.hierarchy.AdditionalPush.class),
            Map.entry(PUMP_START.id(), io.oncoaudit.core.rules.hierarchy.PumpStart.class),
            Map.entry(SITE_CODES.id(), io.oncoaudit.core.rules.route.RouteSpecificCodes.class),
            Map.entry(SEPARATE_ACCESS.id(), io.oncoaudit.core.rules.hierarchy.SeparateAccess.class),
            Map.entry(ADDON_PRIMARY.id(), io.oncoaudit.core.rules.hierarchy.AddOnNeedsPrimary.class),
            Map.entry(DRUG_UNITS.id(), io.oncoaudit.core.rules.units.DrugUnits.class),
            Map.entry(WASTE_MODIFIERS.id(), io.oncoaudit.core.rules.units.WasteModifiers.class),
            Map.entry(COMBINATION_PRODUCT.id(), io.oncoaudit.core.rules.units.CombinationProducts.class),
            Map.entry(DRUG_CODE_VALID.id(), io.oncoaudit.core.rules.units.DrugCodeValid.class),
            Map.entry(CLAIMS_ONLY.id(), io.oncoaudit.core.rules.mode.ClaimsOnlyMode.class),
            Map.entry(EM_WITH_ADMINISTRATION.id(), io.oncoaudit.core.rules.em.EmWithAdministration.class),
            Map.entry(NCCI_PTP.id(), io.oncoaudit.core.rules.ncci.ProcedureToProcedure.class),
            Map.entry(NCCI_MUE.id(), io.oncoaudit.core.rules.ncci.MedicallyUnlikelyEdits.class),
            
            Map.entry(PRICING.id(), io.oncoaudit.core.rules.pricing.FeeSchedulePricing.class),
            Map.entry(NOT_PAYABLE_IN_SETTING.id(), io.oncoaudit.core.rules.setting.NotPayableInSetting.class),
            Map.entry(NDC_FORMAT.id(), io.oncoaudit.core.rules.ndc.NdcFormat.class),
            Map.entry(NDC_HCPCS.id(), io.oncoaudit.core.rules.ndc.NdcHcpcsMatch.class),
            Map.entry(NDC_UNITS.id(), io.oncoaudit.core.rules.ndc.NdcUnits.class));

    static {
        for (Rule r : List.of(TIME_PUSH, TIME_ADDITIONAL_HOUR, HYDRATION, CHEMO_FAMILY, SUPPORTIVE_FAMILY, SC_IM_CODE, UNCLASSIFIED_DRUG,
                ONE_INITIAL, SEPARATE_ACCESS, SEQUENTIAL_CONCURRENT, ADDITIONAL_PUSH, PUMP_START, ADDON_PRIMARY, SITE_CODES,
                DRUG_UNITS, DRUG_CODE_VALID, WASTE_MODIFIERS, COMBINATION_PRODUCT, EM_WITH_ADMINISTRATION, NCCI_PTP, NCCI_MUE,
                CLAIMS_ONLY, PRICING, NOT_PAYABLE_IN_SETTING, NDC_FORMAT, NDC_HCPCS, NDC_UNITS)) {
            if (BY_ID.put(r.id(), r) != null) throw new IllegalStateException("duplicate rule id " + r.id());
        }
    }

    public static List<Rule> all() { return List.copyOf(BY_ID.values()); }

    /** One step of the recoder and the rules that decide in it, in the order {@code Recoder.recode} applies them. */
    public record Step(String name, List<String> ruleIds) { }

    /** Full mode (an administration record): the steps in order. */
    public static final List<Step> FULL_MODE = List.of(
            new Step("administration codes from the record (AdministrationCoder)", List.of("OA-FAM-003", "OA-FAM-001", "OA-FAM-002", "OA-SCIM-001",
                    "OA-SITE-001", "OA-PUMP-001", "OA-TIME-003", "OA-TIME-001", "OA-HIER-001", "OA-HIER-002", "OA-TIME-002", "OA-SEQ-001", "OA-SEQ-002")),
            new Step("drug lines from the record (DrugLineCoder)", List.of("OA-UNITS-002", "OA-UNITS-001", "OA-WASTE-001")),
            new Step("drug comparison (DrugComparison)", List.of("OA-UNITS-002", "OA-COMBO-001", "OA-UNITS-001", "OA-WASTE-001")),
            new Step("administration comparison (AdminComparison)", List.of("OA-HIER-002", "OA-HIER-001", "OA-ADDON-001", "OA-SCIM-001", "OA-FAM-001", "OA-FAM-002")),
            new Step("E/M on an administration day (EmDay)", List.of("OA-EM-001")),
            new Step("NCCI edits (NcciCheck)", List.of("OA-NCCI-001", "OA-NCCI-002")),
            new Step("codes not payable in the claim's setting (SettingChecks)", List.of("OA-SETTING-001")),
            new Step("NDC checks (NdcChecks)", List.of("OA-NDC-001", "OA-NDC-002", "OA-NDC-003")),
            new Step("pricing (Pricer)", List.of("OA-PRICE-001")));

    /** Claims-only mode (no administration record): the steps in order. */
    public static final List<Step> CLAIMS_ONLY_MODE = List.of(
            new Step("administration codes re-coded from the billed drugs (ClaimsOnlyCoder)", List.of("OA-CLAIMS-001", "OA-FAM-003", "OA-PUMP-001",
                    "OA-COMBO-001", "OA-SCIM-001", "OA-FAM-001", "OA-FAM-002", "OA-HIER-001", "OA-ADDON-001")),
            new Step("JW/JZ and combination products (DrugComparison.claimsOnly)", List.of("OA-WASTE-001", "OA-COMBO-001")),
            new Step("administration comparison (AdminComparison)", List.of("OA-HIER-002", "OA-HIER-001", "OA-ADDON-001", "OA-SCIM-001", "OA-FAM-001", "OA-FAM-002")),
            new Step("E/M on an administration day (EmDay)", List.of("OA-EM-001")),
            new Step("NCCI edits (NcciCheck)", List.of("OA-NCCI-001", "OA-NCCI-002")),
            new Step("codes not payable in the claim's setting (SettingChecks)", List.of("OA-SETTING-001")),
            new Step("NDC checks (NdcChecks)", List.of("OA-NDC-001", "OA-NDC-002", "OA-NDC-003")),
            new Step("pricing (Pricer)", List.of("OA-PRICE-001")));

    public static Rule byId(String id) { return BY_ID.get(id); }

    /** The class that holds the rule and its guard/action logic. */
    public static Class<?> implementation(Rule rule) { return IMPLEMENTATION.get(rule.id()); }
}
