package io.oncoaudit.core.bench;

import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.CodeSpelling;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.EncounterValidator;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.recode.Step;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.ReferenceTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where an encounter's time goes, step by step: the JMH mix's encounters of one mode are run through code spelling,
 * validation, the plan and the first k steps of the mode, for every k; the difference between k and k-1 is step k's
 * share (nanoseconds and bytes allocated per encounter; the best of 4 rounds of 0.6 s each). A step that asks a price
 * or a table row first pays for it, so read neighbouring steps together. Not a test: figures only.
 * {@code StepCostBench [full|claims] [all|ok|errors]} (bench/recode-steps.sh); ok = billed exactly as expected.
 */
public final class StepCostBench {
    private static volatile Object sink;

    private StepCostBench() { }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: StepCostBench [full|claims] [all|ok|errors]: nanoseconds and bytes per encounter, step by step");
            return;
        }
        boolean claimsOnly = args.length > 0 && args[0].equals("claims");
        String which = args.length > 1 ? args[1] : "all";
        Recoder recoder = new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn());
        Encounter[] erroneous = RecodeBenchmark.Mix.encounters(1024, new Random(7));
        Encounter[] mix = RecodeBenchmark.Mix.realistic(recoder, erroneous, RecodeBenchmark.ERROR_SHARE, new Random(11));
        List<Encounter> chosen = new ArrayList<>();
        for (int i = 0; i < mix.length; i++) {
            boolean error = mix[i] == erroneous[i];
            if (mix[i].claimsOnly() == claimsOnly && (which.equals("all") || which.equals("errors") == error)) chosen.add(mix[i]);
        }
        Encounter[] es = chosen.toArray(new Encounter[0]);
        List<Step> steps = claimsOnly ? RuleCatalog.CLAIMS_ONLY_MODE : RuleCatalog.FULL_MODE;
        System.out.println(es.length + " encounters (" + (claimsOnly ? "claims-only" : "full") + " mode, " + which + "), "
                + steps.size() + " steps");
        double[] ns = new double[steps.size() + 3];
        for (int round = 0; round < 4; round++) {
            for (int k = -2; k <= steps.size(); k++) {
                long n = 0, t0 = System.nanoTime(), end = t0 + 600_000_000L, now;
                while ((now = System.nanoTime()) < end) {
                    for (Encounter e : es) run(recoder, steps, e, k);
                    n += es.length;
                }
                double x = (double) (now - t0) / n;
                if (round == 0 || x < ns[k + 2]) ns[k + 2] = x;
            }
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        double[] bytes = new double[steps.size() + 3];
        for (int k = -2; k <= steps.size(); k++) {
            long b0 = mx.getCurrentThreadAllocatedBytes();
            for (int rep = 0; rep < 20; rep++) for (Encounter e : es) run(recoder, steps, e, k);
            bytes[k + 2] = (mx.getCurrentThreadAllocatedBytes() - b0) / (20.0 * es.length);
        }
        System.out.println("   ns/enc     step    B/enc    step  what");
        for (int k = -2; k <= steps.size(); k++) {
            String name = k == -2 ? "code spelling (CodeSpelling)" : k == -1 ? "validation (EncounterValidator)"
                    : k == 0 ? "plan, context and pricer" : steps.get(k - 1).name();
            double dn = k == -2 ? ns[0] : ns[k + 2] - ns[k + 1], db = k == -2 ? bytes[0] : bytes[k + 2] - bytes[k + 1];
            System.out.printf("%9.1f %+8.1f %8.0f %+7.0f  %s%n", ns[k + 2], dn, bytes[k + 2], db, name.length() > 80 ? name.substring(0, 80) : name);
        }
    }

    private static void run(Recoder recoder, List<Step> steps, Encounter e, int k) {
        Encounter c = CodeSpelling.canonical(e);
        if (k >= -1) sink = EncounterValidator.validate(c);
        if (k >= 0) {
            CodingPlan plan = recoder.plan(c);
            for (int s = 0; s < k; s++) steps.get(s).run(plan);
            sink = plan;
        }
    }
}
