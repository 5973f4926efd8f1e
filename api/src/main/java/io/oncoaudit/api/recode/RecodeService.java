package io.oncoaudit.api.recode;

import io.oncoaudit.api.config.OncoauditConfig;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.tables.ReferenceTables;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The coding-core Recoder, one per JVM (it is immutable and thread-safe), built on first use with the
 * built-in fee schedule or {@code oncoaudit.fee-schedule}, exactly like the CLI's {@code --fee-schedule}.
 */
@ApplicationScoped
public class RecodeService {
    private final OncoauditConfig config;
    private volatile Recoder recoder;

    public RecodeService(OncoauditConfig config) {
        this.config = config;
    }

    public RecodeResult recode(Encounter encounter) {
        return recoder().recode(encounter);
    }

    private Recoder recoder() {
        Recoder r = recoder;
        if (r == null) {
            synchronized (this) {
                r = recoder;
                if (r == null) {
                    FeeSchedule fees = config.feeSchedule().map(FeeSchedules::fromCsv).orElseGet(FeeSchedules::builtIn);
                    recoder = r = new Recoder(ReferenceTables.builtIn(), fees);
                }
            }
        }
        return r;
    }
}
