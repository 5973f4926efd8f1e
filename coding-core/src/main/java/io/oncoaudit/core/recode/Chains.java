package io.oncoaudit.core.recode;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A step's decisions as a chain of links, each link calling its decision's guard and action and then the next link.
 * Why not a loop over the decisions: one loop calls every guard and action of the step from the same call site, which
 * the JIT can only dispatch (a megamorphic interface call per decision: measured at about a tenth of the recoder's
 * time). Each link here is its own copy of a small link class (a hidden class defined from the class's own bytes), so
 * each call site in a link sees one guard, one action and one next link, and the JIT inlines the chain. The semantics
 * are exactly those of the loops they replace (first match, every decision, or every decision until the drug stops).
 * If the copies cannot be made (a class loader that does not serve class bytes), plain links run the same chain.
 */
final class Chains {
    private Chains() { }

    /** Decisions on the whole plan: each whose guard applies, in order. */
    interface PlanChain { void run(CodingPlan plan); }

    /** Decisions on one item: {@code run} returns whether a decision applied (first-match chains stop there). */
    interface ItemChain<T> { boolean run(CodingPlan plan, T item); }

    static PlanChain plan(List<PlanRule> rules) {
        PlanChain next = null;
        for (int i = rules.size() - 1; i >= 0; i--) {
            PlanRule r = rules.get(i);
            Predicate<CodingPlan> g;
            Consumer<CodingPlan> a;
            if (r instanceof PlanRule.Decision d) { g = d.guard(); a = d.action(); } else { g = r::appliesTo; a = r::apply; }
            next = (PlanChain) link(PlanLink.class, PLAN, g, a, next);
        }
        return next == null ? p -> { } : next;
    }

    /** The steps of a mode, in order (each step's run called from its own link). */
    static PlanChain steps(List<Step> steps) {
        PlanChain next = null;
        for (int i = steps.size() - 1; i >= 0; i--) next = (PlanChain) link(StepLink.class, STEP, steps.get(i), null, next);
        return next == null ? p -> { } : next;
    }

    /** The first decision whose guard applies (its action runs); false when none applies. */
    static <T> ItemChain<T> first(List<ItemRule<T>> rules) { return items(rules, FirstLink.class); }

    /** Every decision whose guard applies, in order. */
    static <T> ItemChain<T> every(List<ItemRule<T>> rules) { return items(rules, EveryLink.class); }

    /** Every decision whose guard applies, in order, until one stops the drug. */
    static ItemChain<DrugExpectation> untilStopped(List<ItemRule<DrugExpectation>> rules) { return items(rules, DrugLink.class); }

    @SuppressWarnings("unchecked")
    private static <T> ItemChain<T> items(List<ItemRule<T>> rules, Class<?> linkClass) {
        ItemChain<T> next = null;
        for (int i = rules.size() - 1; i >= 0; i--) {
            ItemRule<T> r = rules.get(i);
            BiPredicate<CodingPlan, T> g;
            BiConsumer<CodingPlan, T> a;
            if (r instanceof ItemRule.Decision<T> d) { g = d.guard(); a = d.action(); } else { g = r::appliesTo; a = r::apply; }
            next = (ItemChain<T>) link(linkClass, ITEM, g, a, next);
        }
        return next == null ? (p, x) -> false : next;
    }

    private static final MethodType PLAN = MethodType.methodType(void.class, Predicate.class, Consumer.class, PlanChain.class);
    private static final MethodType ITEM = MethodType.methodType(void.class, BiPredicate.class, BiConsumer.class, ItemChain.class);
    private static final MethodType STEP = MethodType.methodType(void.class, Step.class, Object.class, PlanChain.class);

    /** A new link: an instance of a fresh copy of {@code linkClass}, or of the class itself when no copy can be made. */
    private static Object link(Class<?> linkClass, MethodType ctor, Object guard, Object action, Object next) {
        try {
            MethodHandle c = copyConstructor(linkClass, ctor);
            if (c != null) return c.invoke(guard, action, next);
            noCopies("the class loader does not serve " + linkClass.getSimpleName() + ".class");
        } catch (Throwable e) {
            noCopies(e.toString()); // a plain link: the same behaviour, only slower
        }
        try {
            return MethodHandles.lookup().findConstructor(linkClass, ctor).invoke(guard, action, next);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build the rule chain link " + linkClass.getName(), e);
        }
    }

    private static volatile boolean warned;

    private static void noCopies(String why) {
        if (warned) return;
        warned = true;
        System.getLogger(Chains.class.getName()).log(System.Logger.Level.WARNING,
                "rule chains run without a class per decision (same results, slower recoding): " + why);
    }

    /** Each link class's bytes, read once (every decision of every step copies them); empty when not served. */
    private static final ClassValue<byte[]> BYTES = new ClassValue<>() {
        @Override protected byte[] computeValue(Class<?> linkClass) {
            try (InputStream in = linkClass.getResourceAsStream(linkClass.getSimpleName() + ".class")) {
                return in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }
    };

    private static MethodHandle copyConstructor(Class<?> linkClass, MethodType ctor) throws Exception {
        byte[] bytes = BYTES.get(linkClass);
        if (bytes.length == 0) return null;
        MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(bytes, true);
        return copy.findConstructor(copy.lookupClass(), ctor);
    }
}

/** A link of a plan chain (see {@link Chains}): copied once per decision. */
final class PlanLink implements Chains.PlanChain {
    private final java.util.function.Predicate<CodingPlan> guard;
    private final java.util.function.Consumer<CodingPlan> action;
    private final Chains.PlanChain next;

    PlanLink(java.util.function.Predicate<CodingPlan> guard, java.util.function.Consumer<CodingPlan> action, Chains.PlanChain next) {
        this.guard = guard;
        this.action = action;
        this.next = next;
    }

    @Override public void run(CodingPlan plan) {
        if (guard.test(plan)) action.accept(plan);
        if (next != null) next.run(plan);
    }
}

/** A link of a mode's chain of steps (see {@link Chains}): copied once per step. */
final class StepLink implements Chains.PlanChain {
    private final Step step;
    private final Chains.PlanChain next;

    StepLink(Step step, Object unused, Chains.PlanChain next) {
        this.step = step;
        this.next = next;
    }

    @Override public void run(CodingPlan plan) {
        step.run(plan);
        if (next != null) next.run(plan);
    }
}

/** A link of a first-match item chain (see {@link Chains}): copied once per decision. */
final class FirstLink<T> implements Chains.ItemChain<T> {
    private final java.util.function.BiPredicate<CodingPlan, T> guard;
    private final java.util.function.BiConsumer<CodingPlan, T> action;
    private final Chains.ItemChain<T> next;

    FirstLink(java.util.function.BiPredicate<CodingPlan, T> guard, java.util.function.BiConsumer<CodingPlan, T> action, Chains.ItemChain<T> next) {
        this.guard = guard;
        this.action = action;
        this.next = next;
    }

    @Override public boolean run(CodingPlan plan, T item) {
        if (guard.test(plan, item)) {
            action.accept(plan, item);
            return true;
        }
        return next != null && next.run(plan, item);
    }
}

/** A link of an every-decision item chain (see {@link Chains}): copied once per decision. */
final class EveryLink<T> implements Chains.ItemChain<T> {
    private final java.util.function.BiPredicate<CodingPlan, T> guard;
    private final java.util.function.BiConsumer<CodingPlan, T> action;
    private final Chains.ItemChain<T> next;

    EveryLink(java.util.function.BiPredicate<CodingPlan, T> guard, java.util.function.BiConsumer<CodingPlan, T> action, Chains.ItemChain<T> next) {
        this.guard = guard;
        this.action = action;
        this.next = next;
    }

    @Override public boolean run(CodingPlan plan, T item) {
        if (guard.test(plan, item)) action.accept(plan, item);
        if (next != null) next.run(plan, item);
        return false;
    }
}

/** A link of a drug chain: every decision until one stops the drug (see {@link Chains}); copied once per decision. */
final class DrugLink implements Chains.ItemChain<DrugExpectation> {
    private final java.util.function.BiPredicate<CodingPlan, DrugExpectation> guard;
    private final java.util.function.BiConsumer<CodingPlan, DrugExpectation> action;
    private final Chains.ItemChain<DrugExpectation> next;

    DrugLink(java.util.function.BiPredicate<CodingPlan, DrugExpectation> guard, java.util.function.BiConsumer<CodingPlan, DrugExpectation> action,
             Chains.ItemChain<DrugExpectation> next) {
        this.guard = guard;
        this.action = action;
        this.next = next;
    }

    @Override public boolean run(CodingPlan plan, DrugExpectation x) {
        if (x.stopped) return false;
        if (guard.test(plan, x)) action.accept(plan, x);
        if (next != null) next.run(plan, x);
        return false;
    }
}
