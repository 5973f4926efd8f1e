package io.oncoaudit.core.recode;

import io.oncoaudit.core.rules.Rule;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * One decision of a rule on one item of the plan (an administration of the record, an IV service placed in the CPT
 * hierarchy, a drug of the record): the rule's catalog record, a guard and an action.
 */
public interface ItemRule<T> {
    Rule rule();

    String name();

    boolean appliesTo(CodingPlan plan, T item);

    void apply(CodingPlan plan, T item);

    static <T> ItemRule<T> of(Rule rule, String name, BiPredicate<CodingPlan, T> guard, BiConsumer<CodingPlan, T> action) {
        return new Decision<>(rule, name, guard, action);
    }

    /** A decision made of its guard and action functions (what {@link #of} returns; {@link Chains} calls them directly). */
    record Decision<T>(Rule rule, String name, BiPredicate<CodingPlan, T> guard, BiConsumer<CodingPlan, T> action) implements ItemRule<T> {
        @Override public boolean appliesTo(CodingPlan plan, T item) { return guard.test(plan, item); }
        @Override public void apply(CodingPlan plan, T item) { action.accept(plan, item); }
        @Override public String toString() { return rule.id() + " " + name; }
    }
}
