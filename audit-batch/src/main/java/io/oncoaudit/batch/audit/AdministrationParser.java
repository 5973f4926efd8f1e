package io.oncoaudit.batch.audit;

import io.oncoaudit.batch.input.Table;
import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.InvalidFieldException;
import io.oncoaudit.core.model.PumpOwner;
import io.oncoaudit.core.model.Route;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Converts an administrations row to a core Administration (contract section 1); throws InvalidFieldException. */
final class AdministrationParser {
    private static final Table T = Table.ADMINISTRATIONS;
    private static final int ID = T.index("administration_id"), DRUG = T.index("drug_code"), NAME = T.index("drug_name"),
            DOSE = T.index("dose"), UNIT = T.index("dose_unit"), ROUTE = T.index("route"), START = T.index("start_time"),
            END = T.index("end_time"), PUMP = T.index("pump"), WASTED = T.index("wasted"), LESIONS = T.index("lesion_count"),
            SITE = T.index("access_site"), PUMP_OWNER = T.index("pump_owner"),
            SEPARATE_SITE_REASON = T.index("separate_site_reason");

    private AdministrationParser() { }

    record ParsedAdministration(SourceRow source, Administration administration) { }

    static ParsedAdministration parse(SourceRow src) {
        Cells c = new Cells(src.cells());
        String id = c.required(ID, "administration_id");
        String drug = c.required(DRUG, "drug_code");
        BigDecimal dose = c.decimal(DOSE, "dose", true);
        if (dose.signum() <= 0) throw new InvalidFieldException("dose", "'" + c.text(DOSE) + "' must be greater than 0");
        DoseUnit unit = DoseUnit.parse("dose_unit", c.text(UNIT));
        Route route = Route.parse("route", c.text(ROUTE));
        LocalDateTime start = c.timestamp(START, "start_time");
        LocalDateTime end = c.timestamp(END, "end_time");
        if (route.timed()) {
            // contract section 1: start_time and end_time are required for IV and INTRA_ARTERIAL
            if (start == null) throw new InvalidFieldException("start_time", "is required for route " + route + " but blank");
            if (end == null) throw new InvalidFieldException("end_time", "is required for route " + route + " but blank");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidFieldException("end_time", "'" + c.text(END) + "' is before start_time '" + c.text(START) + "'");
        }
        boolean pump = c.bool(PUMP, "pump");
        BigDecimal wasted = c.nonNegative(WASTED, "wasted", false);
        Integer lesions = c.integer(LESIONS, "lesion_count", false, 0);
        PumpOwner owner = PumpOwner.parse("pump_owner", c.text(PUMP_OWNER));
        return new ParsedAdministration(src, new Administration(id, drug, c.text(NAME), dose, unit, route, start, end,
                pump, wasted, lesions, c.text(SITE), owner, c.text(SEPARATE_SITE_REASON)));
    }
}
