package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One step of the recoder: its rules' decisions in order. {@code RuleCatalog.FULL_MODE} and {@code CLAIMS_ONLY_MODE}
 * are the lists of steps the recoder runs, and docs/rules.md prints them.
 */
public interface Step {
    String name();

    /** The decisions of the step in order, as "rule id: what it decides". */
    List<String> decisions();

    /** The ids of the rules that decide in this step, in order, without repeats. */
    List<String> ruleIds();

    void run(CodingPlan plan);

    /** Each decision whose guard applies, in order. */
    static Step rules(String name, PlanRule... rules) {
        List<PlanRule> list = List.of(rules);
        Chains.PlanChain chain = Chains.plan(list);
        return new Base(name, names(list)) {
            @Override public void run(CodingPlan plan) { chain.run(plan); }
        };
    }

    /** Each administration of the record, in record order, is coded by the first decision whose guard applies. */
    static Step eachAdministration(String name, List<ItemRule<Administration>> rules) {
        Chains.ItemChain<Administration> chain = Chains.first(rules);
        return new Base(name, itemNames(rules)) {
            @Override public void run(CodingPlan plan) {
                List<Administration> all = plan.encounter().administrations();
                for (int ai = 0, n = all.size(); ai < n; ai++) {
                    Administration a = all.get(ai);
                    plan.startAdministration(a);
                    chain.run(plan, a);
                }
            }
        };
    }

    /**
     * Each IV service placed in the CPT hierarchy: per access group, the initial service and then the others in clock
     * order; every decision whose guard applies, in order.
     */
    static Step eachIvService(String name, List<ItemRule<IvService>> rules) {
        Chains.ItemChain<IvService> chain = Chains.every(rules);
        return new Base(name, itemNames(rules)) {
            @Override public void run(CodingPlan plan) {
                List<List<IvService>> groups = plan.ivGroups();
                if (groups == null) return;
                for (int gi = 0; gi < groups.size(); gi++) {
                    List<IvService> g = groups.get(gi);
                    plan.startIvGroup(gi, g);
                    for (int si = 0; si < g.size(); si++) chain.run(plan, g.get(si));
                }
            }
        };
    }

    /** Each drug code of the record, in record order: every decision whose guard applies, until one stops the drug. */
    static Step eachDrug(String name, List<ItemRule<DrugExpectation>> rules) {
        Chains.ItemChain<DrugExpectation> chain = Chains.untilStopped(rules);
        return new Base(name, itemNames(rules)) {
            @Override public void run(CodingPlan plan) {
                List<DrugExpectation> drugs = plan.drugs();
                for (int i = 0; i < drugs.size(); i++) chain.run(plan, drugs.get(i));
            }
        };
    }

    /** Each billed line, in claim order, by the first decision whose guard applies. */
    static Step eachBilledLine(String name, List<ItemRule<ClaimLine>> rules) {
        Chains.ItemChain<ClaimLine> chain = Chains.first(rules);
        return new Base(name, itemNames(rules)) {
            @Override public void run(CodingPlan plan) {
                List<ClaimLine> lines = plan.encounter().lines();
                for (int i = 0, n = lines.size(); i < n; i++) chain.run(plan, lines.get(i));
            }
        };
    }

    /**
     * The administration comparison: exact codes cancel; the decisions {@code before} pairing apply in order; each pair,
     * billed-only and expected-only difference is named by the first decision of its list whose guard applies.
     */
    static Step comparison(String name, List<PlanRule> before, List<ItemRule<AdminDifference>> pairs,
                           List<ItemRule<AdminDifference>> billedOnly, List<ItemRule<AdminDifference>> expectedOnly) {
        Chains.PlanChain b = Chains.plan(before);
        Chains.ItemChain<AdminDifference> p = Chains.first(pairs), bo = Chains.first(billedOnly), eo = Chains.first(expectedOnly);
        List<String> d = new ArrayList<>();
        for (String x : names(before)) d.add(x);
        for (ItemRule<AdminDifference> r : pairs) d.add(r.rule().id() + ": pair: " + r.name());
        for (ItemRule<AdminDifference> r : billedOnly) d.add(r.rule().id() + ": billed only: " + r.name());
        for (ItemRule<AdminDifference> r : expectedOnly) d.add(r.rule().id() + ": expected only: " + r.name());
        return new Base(name, d) {
            @Override public void run(CodingPlan plan) { AdminComparison.run(plan, b, p, bo, eo); }
        };
    }

    /** A step that assembles or checks with the rules named (not yet split into guard + action decisions). */
    static Step of(String name, List<Rule> rules, Consumer<CodingPlan> run) {
        List<String> d = new ArrayList<>();
        for (Rule x : rules) d.add(x.id());
        return new Base(name, d) {
            @Override public void run(CodingPlan plan) { run.accept(plan); }
        };
    }

    private static List<String> names(List<PlanRule> rules) {
        List<String> out = new ArrayList<>(rules.size());
        for (PlanRule r : rules) out.add(r.rule().id() + ": " + r.name());
        return out;
    }

    private static <T> List<String> itemNames(List<ItemRule<T>> rules) {
        List<String> out = new ArrayList<>(rules.size());
        for (ItemRule<T> r : rules) out.add(r.rule().id() + ": " + r.name());
        return out;
    }

    abstract class Base implements Step {
        private final String name;
        private final List<String> decisions;
        private final List<String> ids;

        Base(String name, List<String> decisions) {
            this.name = name;
            this.decisions = List.copyOf(decisions);
            List<String> ids = new ArrayList<>();
            for (String d : decisions) {
                int c = d.indexOf(':');
                String id = c < 0 ? d : d.substring(0, c);
                if (!ids.contains(id)) ids.add(id);
            }
            this.ids = List.copyOf(ids);
        }

        @Override public String name() { return name; }
        @Override public List<String> decisions() { return decisions; }
        @Override public List<String> ruleIds() { return ids; }
        @Override public String toString() { return name; }
    }
}
