package io.oncoaudit.api.appeals.letter;

import io.oncoaudit.api.config.OncoauditConfig;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.pricing.FeeSchedules;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Prices corrected lines for the letters on the fee schedule the API uses for recode (contract section 2:
 * {@code oncoaudit.fee-schedule}, else the built-in one): allowed per unit x units; null when unpriced.
 */
@ApplicationScoped
public class LinePricer {
    private final OncoauditConfig config;
    private volatile FeeSchedule fees;

    public LinePricer(OncoauditConfig config) {
        this.config = config;
    }

    public BigDecimal price(String payerId, String code, String placeOfService, LocalDate dos, int units) {
        BigDecimal perUnit = schedule().perUnit(payerId, code, Setting.ofPlaceOfService(placeOfService), dos);
        return perUnit == null ? null : perUnit.multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The built-in CMS default prices the lines: a line is paid the lesser of its charge and its price (contract section 10). */
    public boolean lesserOf() {
        return schedule().cmsDefault();
    }

    public String description() {
        return schedule().description();
    }

    private FeeSchedule schedule() {
        FeeSchedule f = fees;
        if (f == null) {
            synchronized (this) {
                if (fees == null) fees = config.feeSchedule().map(FeeSchedules::fromCsv).orElseGet(FeeSchedules::builtIn);
                f = fees;
            }
        }
        return f;
    }
}
