package io.oncoaudit.core.rules;

import io.oncoaudit.core.recode.RecodeSteps;
import io.oncoaudit.core.recode.Step;
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

    /** The administration comparison (both modes): the decisions before pairing, then those that name each difference. */
    private static final Step ADMIN_COMPARISON = Step.comparison("administration comparison: exact codes cancel, then the decisions below in order (a pair, billed-only or expected-only difference no decision names is ADMINISTRATION_CODE_MISMATCH, UNSUPPORTED_ADMINISTRATION or MISSING_ADMINISTRATION under the rule that derived the expected code)",
            List.of(io.oncoaudit.core.rules.hierarchy.SeparateAccess.MODIFIER_CHECK,
                    io.oncoaudit.core.rules.hierarchy.PumpStart.ACCEPT_G0498,
                    io.oncoaudit.core.rules.route.RouteSpecificCodes.ACCEPT_96542,
                    io.oncoaudit.core.rules.family.ScImInjectionCode.ACCEPT_ON_BODY),
            List.of(io.oncoaudit.core.rules.route.RouteSpecificCodes.PAIR,
                    io.oncoaudit.core.rules.family.ScImInjectionCode.DOWNCODED,
                    io.oncoaudit.core.rules.family.ScImInjectionCode.HORMONAL_CLASS,
                    io.oncoaudit.core.rules.family.SupportiveAgents.PAIR,
                    io.oncoaudit.core.rules.family.ChemotherapyFamily.PAIR,
                    io.oncoaudit.core.rules.hierarchy.OneInitialService.PAIR,
                    io.oncoaudit.core.rules.hierarchy.AddOnNeedsPrimary.PAIR),
            List.of(io.oncoaudit.core.rules.time.AdditionalHours.BILLED_ONLY,
                    io.oncoaudit.core.rules.hierarchy.OneInitialService.BILLED_ONLY,
                    io.oncoaudit.core.rules.units.CombinationProducts.BILLED_ONLY),
            List.of(io.oncoaudit.core.rules.time.AdditionalHours.EXPECTED_ONLY,
                    io.oncoaudit.core.rules.hierarchy.AddOnNeedsPrimary.EXPECTED_ONLY));

    /**
     * Full mode (an administration record): the steps the recoder runs, in order. Each administration is coded by the
     * first decision whose guard applies (its family decided by OA-FAM-001/002 when a decision asks for it); each IV
     * service placed in the hierarchy by every decision whose guard applies.
     */
    public static final List<Step> FULL_MODE = List.of(
            Step.eachAdministration("administration codes from the record: each administration's family by OA-FAM-001/OA-FAM-002 (ChemotherapyFamily.of), then the first decision that applies", List.of(
                    io.oncoaudit.core.rules.family.UnclassifiedDrugRule.ADMINISTRATION,
                    io.oncoaudit.core.rules.family.ScImInjectionCode.ADMINISTRATION,
                    io.oncoaudit.core.rules.route.RouteSpecificCodes.ADMINISTRATION,
                    io.oncoaudit.core.rules.time.HydrationMinimum.ADMINISTRATION,
                    io.oncoaudit.core.rules.hierarchy.PumpStart.ADMINISTRATION,
                    io.oncoaudit.core.rules.time.PushVersusInfusion.ADMINISTRATION)),
            Step.rules("IV services before the hierarchy",
                    io.oncoaudit.core.rules.hierarchy.SequentialOrConcurrent.SAME_DRUG,
                    io.oncoaudit.core.rules.time.HydrationMinimum.SUM_INTERVALS,
                    io.oncoaudit.core.rules.time.HydrationMinimum.NOT_CONCURRENT,
                    io.oncoaudit.core.rules.hierarchy.SeparateAccess.GROUPS,
                    io.oncoaudit.core.rules.hierarchy.OneInitialService.HIERARCHY),
            Step.eachIvService("IV services placed in the CPT hierarchy, each access group's initial first, the others in clock order", List.of(
                    io.oncoaudit.core.rules.hierarchy.OneInitialService.INITIAL,
                    io.oncoaudit.core.rules.hierarchy.SeparateAccess.INITIAL,
                    io.oncoaudit.core.rules.time.HydrationMinimum.SECONDARY,
                    io.oncoaudit.core.rules.hierarchy.AdditionalPush.SERVICE,
                    io.oncoaudit.core.rules.hierarchy.SequentialOrConcurrent.SERVICE,
                    io.oncoaudit.core.rules.time.AdditionalHours.SERVICE)),
            Step.rules("after the IV hierarchy: the intra-arterial service, then the other services in record order",
                    io.oncoaudit.core.rules.route.RouteSpecificCodes.INTRA_ARTERIAL,
                    io.oncoaudit.core.rules.family.ScImInjectionCode.ON_BODY_INJECTOR,
                    io.oncoaudit.core.rules.family.UnclassifiedDrugRule.KEEP_BILLED),
            Step.eachDrug("drug lines from the record, each drug code in record order", List.of(
                    io.oncoaudit.core.rules.units.DrugCodeValid.SUCCESSOR,
                    io.oncoaudit.core.rules.units.DrugUnits.BILLING_UNIT,
                    io.oncoaudit.core.rules.units.DrugUnits.DOSE,
                    io.oncoaudit.core.rules.units.DrugUnits.LINE,
                    io.oncoaudit.core.rules.units.WasteModifiers.LINES)),
            Step.eachDrug("drug comparison, each drug code of the record", List.of(
                    io.oncoaudit.core.rules.units.DrugCodeValid.COMPARE,
                    io.oncoaudit.core.rules.units.CombinationProducts.COMPARE,
                    io.oncoaudit.core.rules.units.DrugUnits.COMPARE,
                    io.oncoaudit.core.rules.units.WasteModifiers.COMPARE)),
            Step.rules("drugs billed without a documented administration", io.oncoaudit.core.rules.units.DrugUnits.UNDOCUMENTED),
            ADMIN_COMPARISON,
            RecodeSteps.EXPECTED_LINES,
            Step.rules("E/M on an administration day", io.oncoaudit.core.rules.em.EmWithAdministration.DAY),
            Step.rules("NCCI edits", io.oncoaudit.core.rules.ncci.ProcedureToProcedure.EDITS, io.oncoaudit.core.rules.ncci.MedicallyUnlikelyEdits.EDITS),
            RecodeSteps.AGGREGATE,
            Step.eachBilledLine("codes not payable in the claim's setting, each billed line", List.of(io.oncoaudit.core.rules.setting.NotPayableInSetting.LINE)),
            Step.eachBilledLine("NDC of each billed line, by the first decision that applies", List.of(io.oncoaudit.core.rules.ndc.NdcFormat.LINE,
                    io.oncoaudit.core.rules.ndc.NdcHcpcsMatch.LINE)),
            Step.rules("NDC packages of the billed codes", io.oncoaudit.core.rules.ndc.NdcUnits.PACKAGES),
            Step.rules("pricing: the billed and expected totals", io.oncoaudit.core.rules.pricing.FeeSchedulePricing.TOTALS));

    /** Claims-only mode (no administration record): the steps the recoder runs, in order. */
    public static final List<Step> CLAIMS_ONLY_MODE = List.of(
            Step.eachBilledLine("billed administration codes, each billed line by the first decision that applies", List.of(
                    io.oncoaudit.core.rules.hierarchy.PumpStart.CLAIMS_ONLY,
                    io.oncoaudit.core.rules.mode.ClaimsOnlyMode.BILLED_CODE)),
            Step.rules("combination products billed as their components", io.oncoaudit.core.rules.units.CombinationProducts.CLAIMS_ONLY_PRODUCTS),
            Step.eachBilledLine("billed drugs, each billed line by the first decision that applies", List.of(
                    io.oncoaudit.core.rules.family.UnclassifiedDrugRule.CLAIMS_ONLY,
                    io.oncoaudit.core.rules.mode.ClaimsOnlyMode.BILLED_DRUG)),
            Step.rules("administration codes re-coded from the billed drugs",
                    io.oncoaudit.core.rules.route.RouteSpecificCodes.CLAIMS_ONLY_LESIONS,
                    io.oncoaudit.core.rules.family.ScImInjectionCode.CLAIMS_ONLY_ON_BODY,
                    io.oncoaudit.core.rules.route.RouteSpecificCodes.CLAIMS_ONLY_LOCAL,
                    io.oncoaudit.core.rules.family.ScImInjectionCode.CLAIMS_ONLY_INJECTED_IV_DRUG,
                    io.oncoaudit.core.rules.family.ScImInjectionCode.CLAIMS_ONLY_RECODE,
                    io.oncoaudit.core.rules.mode.ClaimsOnlyMode.SC_IM_ONLY,
                    io.oncoaudit.core.rules.family.SupportiveAgents.CLAIMS_ONLY,
                    io.oncoaudit.core.rules.family.ChemotherapyFamily.CLAIMS_ONLY,
                    io.oncoaudit.core.rules.hierarchy.OneInitialService.CLAIMS_ONLY,
                    io.oncoaudit.core.rules.hierarchy.AddOnNeedsPrimary.CLAIMS_ONLY),
            RecodeSteps.CLAIMS_ONLY_CODES,
            Step.eachBilledLine("JW/JZ on each billed drug line", List.of(io.oncoaudit.core.rules.units.WasteModifiers.CLAIMS_ONLY)),
            Step.rules("combination products billed as their components", io.oncoaudit.core.rules.units.CombinationProducts.CLAIMS_ONLY),
            ADMIN_COMPARISON,
            RecodeSteps.CLAIMS_ONLY_PASS_THROUGH,
            Step.rules("E/M on an administration day", io.oncoaudit.core.rules.em.EmWithAdministration.DAY),
            Step.rules("NCCI edits", io.oncoaudit.core.rules.ncci.ProcedureToProcedure.EDITS, io.oncoaudit.core.rules.ncci.MedicallyUnlikelyEdits.EDITS),
            RecodeSteps.AGGREGATE,
            Step.eachBilledLine("codes not payable in the claim's setting, each billed line", List.of(io.oncoaudit.core.rules.setting.NotPayableInSetting.LINE)),
            Step.eachBilledLine("NDC of each billed line, by the first decision that applies", List.of(io.oncoaudit.core.rules.ndc.NdcFormat.LINE,
                    io.oncoaudit.core.rules.ndc.NdcHcpcsMatch.LINE)),
            Step.rules("NDC packages of the billed codes", io.oncoaudit.core.rules.ndc.NdcUnits.PACKAGES),
            Step.rules("pricing: the billed and expected totals", io.oncoaudit.core.rules.pricing.FeeSchedulePricing.TOTALS));

    public static Rule byId(String id) { return BY_ID.get(id); }

    /** The class that holds the rule and its guard/action logic. */
    public static Class<?> implementation(Rule rule) { return IMPLEMENTATION.get(rule.id()); }
}
