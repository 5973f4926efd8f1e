package io.oncoaudit.core.recode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.Drug;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule chains that replaced the steps' loops over their decisions: the same semantics (first match, every decision,
 * every decision until the drug stops, the plan decisions in order), and each link its own class so that the JIT sees
 * one guard and one action per call site.
 */
class ChainsTests {
    private static final Rule RULE = new Rule("OA-TEST-001", "test", "test", "test", List.of("CPT"), null, null);

    private static ItemRule<String> item(String name, List<String> log, boolean applies) {
        return ItemRule.of(RULE, name, (p, x) -> { log.add("guard " + name); return applies; }, (p, x) -> log.add("action " + name + " " + x));
    }

    @Test
    void firstMatchRunsTheFirstDecisionThatAppliesAndNoOther() {
        List<String> log = new ArrayList<>();
        Chains.ItemChain<String> chain = Chains.first(List.of(item("a", log, false), item("b", log, true), item("c", log, true)));
        assertTrue(chain.run(null, "x"));
        assertEquals(List.of("guard a", "guard b", "action b x"), log);

        log.clear();
        Chains.ItemChain<String> none = Chains.first(List.of(item("a", log, false), item("b", log, false)));
        assertFalse(none.run(null, "y"));
        assertEquals(List.of("guard a", "guard b"), log);
        assertFalse(Chains.first(List.<ItemRule<String>>of()).run(null, "z"));
    }

    @Test
    void everyRunsEachDecisionThatAppliesInOrder() {
        List<String> log = new ArrayList<>();
        Chains.every(List.of(item("a", log, true), item("b", log, false), item("c", log, true))).run(null, "x");
        assertEquals(List.of("guard a", "action a x", "guard b", "guard c", "action c x"), log);
    }

    @Test
    void aDrugChainStopsAtTheDecisionThatStopsTheDrug() {
        List<String> log = new ArrayList<>();
        ItemRule<DrugExpectation> stop = ItemRule.of(RULE, "stop", (p, x) -> true, (p, x) -> { log.add("stop"); x.stopped = true; });
        ItemRule<DrugExpectation> after = ItemRule.of(RULE, "after", (p, x) -> { log.add("guard after"); return true; }, (p, x) -> log.add("after"));
        ItemRule<DrugExpectation> before = ItemRule.of(RULE, "before", (p, x) -> true, (p, x) -> log.add("before"));
        DrugExpectation x = new DrugExpectation("J9999", (Drug) null, 0);
        Chains.untilStopped(List.of(before, stop, after)).run(null, x);
        assertEquals(List.of("before", "stop"), log);

        log.clear();
        Chains.untilStopped(List.of(before, after)).run(null, x); // already stopped: nothing runs
        assertEquals(List.of(), log);
    }

    @Test
    void planDecisionsRunInOrderWhereTheirGuardApplies() {
        List<String> log = new ArrayList<>();
        Chains.plan(List.of(PlanRule.of(RULE, "a", p -> true, p -> log.add("a")), PlanRule.of(RULE, "b", p -> false, p -> log.add("b")),
                PlanRule.of(RULE, "c", p -> true, p -> log.add("c")))).run(null);
        assertEquals(List.of("a", "c"), log);
    }

    @Test
    void eachLinkIsItsOwnClassSoItsCallsSeeOneDecision() {
        List<String> log = new ArrayList<>();
        Chains.ItemChain<String> one = Chains.first(List.of(item("a", log, false)));
        Chains.ItemChain<String> two = Chains.first(List.of(item("b", log, false)));
        assertTrue(one.getClass().isHidden(), one.getClass() + " is a copy of FirstLink");
        assertNotEquals(one.getClass(), two.getClass());
        Chains.PlanChain modes = Chains.steps(RuleCatalog.FULL_MODE);
        assertTrue(modes.getClass().isHidden(), modes.getClass() + " is a copy of StepLink");
    }
}
