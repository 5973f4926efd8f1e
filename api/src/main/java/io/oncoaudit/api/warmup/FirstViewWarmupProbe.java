package io.oncoaudit.api.warmup;

import io.quarkus.arc.Arc;
import java.util.List;

/** Test access to {@link FirstViewWarmup} (its methods stay package-private). */
public final class FirstViewWarmupProbe {
    private final FirstViewWarmup warmup;

    private FirstViewWarmupProbe(FirstViewWarmup warmup) { this.warmup = warmup; }

    public static FirstViewWarmupProbe get() {
        return new FirstViewWarmupProbe(Arc.container().instance(FirstViewWarmup.class).get());
    }

    public int fetchStatic(int port) { return warmup.fetchStatic(port); }

    public void warmSummaries() { warmup.warmSummaries(); }

    public boolean summariesReady() { return warmup.summariesReady(); }

    public RuntimeException lastFailure() { return warmup.lastFailure(); }

    public int staticPathCount() { return FirstViewWarmup.STATIC_PATHS.size(); }

    public List<String> staticPaths() { return FirstViewWarmup.STATIC_PATHS; }
}
