package io.oncoaudit.core.recode;

import io.oncoaudit.core.rules.Rule;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One decision of a rule on the whole coding plan, in the style of the CMS FISS Pricers: the rule's catalog record,
 * a guard ({@link #appliesTo}) and an action ({@link #apply}) on the plan or the comparison. The guard and action are
 * static methods of the rule class (unit-tested there); the recoder runs the decisions in the order of
 * {@code RuleCatalog.FULL_MODE} / {@code CLAIMS_ONLY_MODE}.
 */
public interface PlanRule {
    Rule rule();

    /** What the decision does, for docs/rules.md. */
    String name();

    boolean appliesTo(CodingPlan plan);

    void apply(CodingPlan plan);

    static PlanRule of(Rule rule, String name, Predicate<CodingPlan> guard, Consumer<CodingPlan> action) {
        return new Decision(rule, name, guard, action);
    }

    /** A decision made of its guard and action functions (what {@link #of} returns; {@link Chains} calls them directly). */
    record Decision(Rule rule, String name, Predicate<CodingPlan> guard, Consumer<CodingPlan> action) implements PlanRule {
        @Override public boolean appliesTo(CodingPlan plan) { return guard.test(plan); }
        @Override public void apply(CodingPlan plan) { action.accept(plan); }
        @Override public String toString() { return rule.id() + " " + name; }
    }
}
