package io.oncoaudit.core.rules;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.recode.CodeGroup;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.Enc;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.recode.TestFees;
import io.oncoaudit.core.rules.family.ScImInjectionCode;
import io.oncoaudit.core.rules.family.UnclassifiedDrugRule;
import io.oncoaudit.core.rules.hierarchy.AdditionalPush;
import io.oncoaudit.core.rules.hierarchy.OneInitialService;
import io.oncoaudit.core.rules.hierarchy.PumpStart;
import io.oncoaudit.core.rules.hierarchy.SeparateAccess;
import io.oncoaudit.core.rules.hierarchy.SequentialOrConcurrent;
import io.oncoaudit.core.rules.route.RouteSpecificCodes;
import io.oncoaudit.core.rules.time.AdditionalHours;
import io.oncoaudit.core.rules.time.HydrationMinimum;
import io.oncoaudit.core.rules.time.PushVersusInfusion;
import io.oncoaudit.core.tables.ReferenceTables;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guard and action of each decision that codes the administration record (full mode), run one at a time on a coding
 * plan: the administration decisions (first that applies), the IV-service decisions before and within the hierarchy.
 */
class AdministrationDecisionsTests {
    private static final Recoder RECODER = new Recoder(ReferenceTables.builtIn(), TestFees.INSTANCE);

    /** The plan with the record's administrations coded by the first step (each by the first decision that applies). */
    private static CodingPlan coded(Enc e) {
        CodingPlan p = RECODER.plan(e.build());
        RuleCatalog.FULL_MODE.get(0).run(p);
        return p;
    }

    /** The plan after the IV services are grouped and ordered (steps 1 and 2). */
    private static CodingPlan ordered(Enc e) {
        CodingPlan p = coded(e);
        RuleCatalog.FULL_MODE.get(1).run(p);
        return p;
    }

    /** The plan with its administration at {@code index} as the one being coded. */
    private static CodingPlan at(Enc e, int index) {
        Encounter enc = e.build();
        CodingPlan p = RECODER.plan(enc);
        p.startAdministration(enc.administrations().get(index));
        return p;
    }

    private static Administration admin(CodingPlan p, int index) { return p.encounter().administrations().get(index); }

    private static String codes(List<Coded> list) {
        return list.stream().map(c -> c.code + "x" + c.units + (c.modifiers.isEmpty() ? "" : c.modifiers.toString())).collect(Collectors.joining(" "));
    }

    @Nested
    class Unclassified {
        @Test
        void guardTakesAnUnknownDrugNotAnOralOneNorAKnownOne() {
            CodingPlan unknown = at(Enc.medicare().iv("J9999", "10", "mg", "09:00", 60), 0);
            assertTrue(UnclassifiedDrugRule.ADMINISTRATION.appliesTo(unknown, admin(unknown, 0)));
            CodingPlan oral = at(Enc.medicare().inject(Route.ORAL, "J9999", "10", "mg"), 0);
            assertFalse(UnclassifiedDrugRule.ADMINISTRATION.appliesTo(oral, admin(oral, 0)));
            CodingPlan known = at(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60), 0);
            assertFalse(UnclassifiedDrugRule.ADMINISTRATION.appliesTo(known, admin(known, 0)));
        }

        @Test
        void actionFreezesTheRouteAndListsTheDrugThenTheBilledCodesAreKept() {
            CodingPlan p = coded(Enc.medicare().iv("J9999", "10", "mg", "09:00", 60).bill("96413", 1).bill("96415", 1));
            assertEquals(java.util.EnumSet.of(CodeGroup.SERVICE, CodeGroup.HOUR, CodeGroup.INTRA_ARTERIAL), p.frozenGroups());
            assertTrue(p.warnings().get(p.warnings().size() - 1).contains("unclassified drug J9999"), p.warnings().toString());
            assertTrue(p.ivServices().isEmpty());
            assertTrue(UnclassifiedDrugRule.KEEP_BILLED.appliesTo(p));
            UnclassifiedDrugRule.KEEP_BILLED.apply(p);
            assertEquals("96413x1 96415x1", codes(p.administrationCodes()));
        }

        @Test
        void keepBilledDoesNotApplyWithoutAFrozenRoute() {
            assertFalse(UnclassifiedDrugRule.KEEP_BILLED.appliesTo(coded(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60))));
        }
    }

    @Nested
    class ScIm {
        @Test
        void guardTakesScImAndTheGoserelinImplantNotTheHistrelinImplant() {
            CodingPlan sc = at(Enc.medicare().inject(Route.SC, "J2506", "6", "mg"), 0);
            assertTrue(ScImInjectionCode.ADMINISTRATION.appliesTo(sc, admin(sc, 0)));
            CodingPlan goserelin = at(Enc.medicare().dx("C61").inject(Route.IMPLANT, "J9202", "3.6", "mg"), 0);
            assertTrue(ScImInjectionCode.ADMINISTRATION.appliesTo(goserelin, admin(goserelin, 0)));
            CodingPlan histrelin = at(Enc.medicare().dx("C61").inject(Route.IMPLANT, "J9226", "50", "mg"), 0);
            assertFalse(ScImInjectionCode.ADMINISTRATION.appliesTo(histrelin, admin(histrelin, 0)));
            CodingPlan iv = at(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60), 0);
            assertFalse(ScImInjectionCode.ADMINISTRATION.appliesTo(iv, admin(iv, 0)));
        }

        @Test
        void actionCodesTheInjectionByClassAndDiagnosis() {
            assertEquals("96402x1", codes(coded(Enc.medicare().dx("C61").inject(Route.IMPLANT, "J9202", "3.6", "mg")).standAloneCodes()));
            assertEquals("96372x1", codes(coded(Enc.medicare().inject(Route.SC, "J2506", "6", "mg")).standAloneCodes()));
        }

        @Test
        void onBodyInjectorAppliesOnlyWhen96377IsBilledAndReplacesTheSupportiveInjection() {
            CodingPlan plain = coded(Enc.medicare().inject(Route.SC, "J2506", "6", "mg").bill("96372", 1));
            assertFalse(ScImInjectionCode.ON_BODY_INJECTOR.appliesTo(plain));
            CodingPlan p = coded(Enc.medicare().inject(Route.SC, "J2506", "6", "mg").bill("96377", 1));
            assertTrue(ScImInjectionCode.ON_BODY_INJECTOR.appliesTo(p));
            ScImInjectionCode.ON_BODY_INJECTOR.apply(p);
            assertEquals("96377x1", codes(p.administrationCodes()));
        }
    }

    @Nested
    class RouteSpecific {
        @Test
        void guardTakesTheLocalAndIntraArterialRoutesOnly() {
            CodingPlan bcg = at(Enc.medicare().dx("C67.9").inject(Route.INTRAVESICAL, "J9030", "50", "mg"), 0);
            assertTrue(RouteSpecificCodes.ADMINISTRATION.appliesTo(bcg, admin(bcg, 0)));
            CodingPlan iv = at(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60), 0);
            assertFalse(RouteSpecificCodes.ADMINISTRATION.appliesTo(iv, admin(iv, 0)));
        }

        @Test
        void actionCodesTheRouteOrWarnsForANonChemotherapyDrug() {
            assertEquals("51720x1", codes(coded(Enc.medicare().dx("C67.9").inject(Route.INTRAVESICAL, "J9030", "50", "mg")).standAloneCodes()));
            assertEquals("11981x1", codes(coded(Enc.medicare().dx("C61").inject(Route.IMPLANT, "J9226", "50", "mg")).standAloneCodes()));
            CodingPlan ondansetron = coded(Enc.medicare().timed(Route.INTRA_ARTERIAL, "J2405", "8", "mg", "09:00", 20, false, null, null));
            assertTrue(ondansetron.intraArterialAdministrations().isEmpty());
            assertTrue(ondansetron.warnings().toString().contains("intra-arterial"), ondansetron.warnings().toString());
        }

        @Test
        void intraArterialServiceIsOneInfusionWithItsHours() {
            CodingPlan p = coded(Enc.medicare().timed(Route.INTRA_ARTERIAL, "J9190", "500", "mg", "09:00", 151, false, null, null)
                    .timed(Route.INTRA_ARTERIAL, "J9190", "500", "mg", "13:00", 30, false, null, null));
            assertTrue(RouteSpecificCodes.INTRA_ARTERIAL.appliesTo(p));
            RouteSpecificCodes.INTRA_ARTERIAL.apply(p);
            assertEquals("96422x1 96423x2", codes(p.hierarchyCodes()));
            assertTrue(p.warnings().toString().contains("one intra-arterial service per encounter"));
            assertFalse(RouteSpecificCodes.INTRA_ARTERIAL.appliesTo(coded(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60))));
        }
    }

    @Nested
    class IvAdministrations {
        @Test
        void hydrationPumpAndPushOrInfusionSplitTheIvRoute() {
            CodingPlan saline = at(Enc.medicare().iv("J7050", "250", "mL", "09:00", 60), 0);
            assertTrue(HydrationMinimum.ADMINISTRATION.appliesTo(saline, admin(saline, 0)));
            CodingPlan fu = at(Enc.medicare().pump("J9190", "2400", "mg", "09:00", 20), 0);
            assertFalse(HydrationMinimum.ADMINISTRATION.appliesTo(fu, admin(fu, 0)));
            assertTrue(PumpStart.ADMINISTRATION.appliesTo(fu, admin(fu, 0)));
            CodingPlan dex = at(Enc.medicare().pump("J1100", "10", "mg", "09:00", 20), 0);
            assertFalse(PumpStart.ADMINISTRATION.appliesTo(dex, admin(dex, 0)), "a pump mark on a non-chemotherapy drug is not a pump start");
            assertTrue(PushVersusInfusion.ADMINISTRATION.appliesTo(dex, admin(dex, 0)));
        }

        @Test
        void pumpStartIsG0498ForMedicareWithAPracticePump() {
            CodingPlan p = coded(Enc.medicare().pumpOwned("J9190", "2400", "mg", "09:00", 20, io.oncoaudit.core.model.PumpOwner.PRACTICE));
            assertEquals("G0498x1", codes(p.standAloneCodes()));
            assertTrue(p.ivServices().isEmpty());
        }

        @Test
        void pushIsFifteenMinutesOrLessAndAPumpMarkOnANonChemoDrugIsWarned() {
            CodingPlan p = coded(Enc.medicare().iv("J2405", "8", "mg", "09:00", 15).pump("J1100", "10", "mg", "09:30", 16));
            assertEquals(List.of(IvService.Mode.PUSH, IvService.Mode.INFUSION), p.ivServices().stream().map(s -> s.mode).toList());
            assertTrue(p.warnings().toString().contains("marked pump but is not chemotherapy"));
        }
    }

    @Nested
    class BeforeTheHierarchy {
        @Test
        void theSameDrugInfusedTwiceIsOneInfusion() {
            CodingPlan p = coded(Enc.medicare().iv("J9045", "200", "mg", "09:00", 40).iv("J9045", "200", "mg", "10:00", 40));
            assertTrue(SequentialOrConcurrent.SAME_DRUG.appliesTo(p));
            SequentialOrConcurrent.SAME_DRUG.apply(p);
            assertEquals(1, p.ivServices().size());
            assertEquals(80, p.ivServices().get(0).minutes);
        }

        @Test
        void hydrationIntervalsAreSummedThenOnlyMinutesWithoutAnotherInfusionCount() {
            CodingPlan p = coded(Enc.medicare().iv("J7050", "250", "mL", "08:00", 20).iv("J7050", "250", "mL", "12:00", 20));
            assertTrue(HydrationMinimum.SUM_INTERVALS.appliesTo(p));
            HydrationMinimum.SUM_INTERVALS.apply(p);
            assertEquals(1, p.hydrationServices().size());
            assertEquals(40, p.hydrationServices().get(0).minutes);
            HydrationMinimum.NOT_CONCURRENT.apply(p);
            assertEquals(1, p.ivServices().size(), "40 summed minutes are reportable");

            CodingPlan covered = coded(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).iv("J7050", "250", "mL", "09:30", 60));
            HydrationMinimum.NOT_CONCURRENT.apply(covered);
            assertEquals(1, covered.ivServices().size(), "30 free minutes are not reportable");
            assertTrue(covered.warnings().toString().contains("31-minute minimum"));
        }

        @Test
        void accessSitesSeparateHierarchiesOnlyWithADocumentedReason() {
            CodingPlan reason = ordered(Enc.medicare().ivSite("J9045", "400", "mg", "09:00", 60, "port", "incompatible drugs")
                    .ivSite("J9035", "400", "mg", "09:00", 60, "left arm", null));
            assertEquals(2, reason.ivGroups().size());
            CodingPlan none = ordered(Enc.medicare().ivAt("J9045", "400", "mg", "09:00", 60, "port").ivAt("J9035", "400", "mg", "09:00", 60, "left arm"));
            assertEquals(1, none.ivGroups().size());
        }

        @Test
        void theInitialIsTheBestRankedNotTheFirstGiven() {
            CodingPlan p = ordered(Enc.medicare().iv("J2405", "8", "mg", "08:00", 10).iv("J1100", "10", "mg", "08:20", 30)
                    .iv("J9045", "400", "mg", "09:00", 60));
            List<IvService> g = p.ivGroups().get(0);
            assertEquals(List.of("J9045", "J2405", "J1100"), g.stream().map(s -> s.first.drugCode()).toList(), "initial first, then clock order");
        }

        @Test
        void noGroupsWithoutIvServices() {
            CodingPlan p = ordered(Enc.medicare().inject(Route.SC, "J2506", "6", "mg"));
            assertNull(p.ivGroups());
            assertFalse(OneInitialService.HIERARCHY.appliesTo(p));
        }
    }

    @Nested
    class InTheHierarchy {
        /** Steps 1 to 3: the hierarchy's codes. */
        private String placed(Enc e) {
            CodingPlan p = ordered(e);
            RuleCatalog.FULL_MODE.get(2).run(p);
            return codes(p.hierarchyCodes());
        }

        @Test
        void initialThenItsHoursThenSequentialWithItsOwnHours() {
            assertEquals("96413x1 96415x1 96417x1 96415x1",
                    placed(Enc.medicare().iv("J9045", "400", "mg", "09:00", 150).iv("J9267", "300", "mg", "11:40", 91)));
        }

        @Test
        void concurrentOncePerEncounterAndNoHours() {
            assertEquals("96413x1 96368x1", placed(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).iv("J0640", "50", "mg", "09:10", 150)
                    .iv("J1100", "10", "mg", "09:20", 30)));
        }

        @Test
        void secondAccessInitialCarries59() {
            assertEquals("96413x1 96413x1[59]", placed(Enc.medicare().ivSite("J9045", "400", "mg", "09:00", 60, "port", "incompatible drugs")
                    .ivSite("J9035", "400", "mg", "09:00", 60, "left arm", null)));
        }

        @Test
        void pushesAfterTheInitialAndARepeatPushOnlyInAFacility() {
            assertEquals("96413x1 96375x1", placed(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).iv("J2405", "8", "mg", "10:10", 5)
                    .iv("J2405", "8", "mg", "11:00", 5)));
            assertEquals("96413x1 96375x1 96376x1", placed(Enc.medicare().pos("22").iv("J9045", "400", "mg", "09:00", 60)
                    .iv("J2405", "8", "mg", "10:10", 5).iv("J2405", "8", "mg", "11:00", 5)));
        }

        @Test
        void secondaryHydrationIs96361() {
            assertEquals("96413x1 96361x1", placed(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).iv("J7050", "250", "mL", "10:00", 45)));
        }

        @Test
        void guardsOfTheServiceDecisions() {
            CodingPlan p = ordered(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).iv("J2405", "8", "mg", "10:10", 5));
            List<IvService> g = p.ivGroups().get(0);
            p.startIvGroup(0, g);
            assertTrue(OneInitialService.INITIAL.appliesTo(p, g.get(0)));
            assertFalse(SeparateAccess.INITIAL.appliesTo(p, g.get(0)));
            assertTrue(AdditionalHours.SERVICE.appliesTo(p, g.get(0)));
            assertFalse(AdditionalPush.SERVICE.appliesTo(p, g.get(0)));
            assertTrue(AdditionalPush.SERVICE.appliesTo(p, g.get(1)));
            assertFalse(SequentialOrConcurrent.SERVICE.appliesTo(p, g.get(1)));
            assertFalse(HydrationMinimum.SECONDARY.appliesTo(p, g.get(1)));
            assertFalse(AdditionalHours.SERVICE.appliesTo(p, g.get(1)));
        }
    }
}
