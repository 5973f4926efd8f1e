package io.oncoaudit.core.tables;

import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Route;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One HCPCS drug code from {@code drugs.csv}: the billing unit of its long descriptor, its class,
 * and whether it comes in a single-dose container (JW/JZ) or is a fixed-dose combination product.
 * {@code components}: for a combination product, the single-agent codes it must not be split into.
 * {@code replacedBy}: for a deleted code, the code to use instead.
 */
public record Drug(
        String hcpcs,
        String name,
        BigDecimal billingUnitSize,
        DoseUnit billingUnit,
        DrugClass drugClass,
        boolean singleDoseContainer,
        List<String> components,
        Route usualRoute,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String replacedBy,
        String status,
        String citation,
        List<Route> otherRoutes,
        String classSource) {

    public Drug {
        components = components == null ? List.of() : List.copyOf(components);
        otherRoutes = otherRoutes == null ? List.of() : List.copyOf(otherRoutes);
    }

    /** The drug's label allows an SC or IM injection (its usual route or another labelled route). */
    public boolean injectableScIm() {
        if (usualRoute == null) return true; // route not known (ASP-only rows): an injection billed alone may be it
        if (usualRoute.subcutaneousOrIntramuscular()) return true;
        for (Route r : otherRoutes) if (r.subcutaneousOrIntramuscular()) return true;
        return false;
    }

    public boolean combinationProduct() { return !components.isEmpty(); }

    public boolean effectiveOn(LocalDate d) {
        return (effectiveFrom == null || !d.isBefore(effectiveFrom)) && (effectiveTo == null || !d.isAfter(effectiveTo));
    }
}
