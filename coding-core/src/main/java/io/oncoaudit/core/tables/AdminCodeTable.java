package io.oncoaudit.core.tables;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drug-administration codes by code, loaded from {@code admin-codes.csv}. */
public final class AdminCodeTable {
    public static final String RESOURCE = "/io/oncoaudit/core/tables/admin-codes.csv";

    private final Map<String, AdminCode> byCode;

    public AdminCodeTable(Collection<AdminCode> codes) {
        Map<String, AdminCode> m = new HashMap<>();
        for (AdminCode c : codes) m.put(c.code(), c);
        this.byCode = Collections.unmodifiableMap(m);
    }

    public static AdminCodeTable load(List<CsvReader.Row> rows) {
        List<AdminCode> codes = rows.stream().map(r -> new AdminCode(
                r.get("code"),
                r.get("descriptor"),
                Tables.enumValue(r, "family", AdminFamily.class),
                Tables.enumValue(r, "role", AdminRole.class),
                Tables.enumValue(r, "slot", AdminSlot.class),
                Tables.list(r, "primaries"),
                Tables.bool(r, "hour_units"),
                Tables.date(r, "effective_from"),
                Tables.date(r, "effective_to"),
                r.get("citation"))).toList();
        return new AdminCodeTable(codes);
    }

    /** The code, or null when it is not a drug-administration code. */
    public AdminCode get(String code) { return code == null ? null : byCode.get(code); }

    public boolean isAdministrationCode(String code) { return get(code) != null; }

    /** The code of {@code family} that fills {@code slot}, or null (e.g. no hydration push exists). */
    public AdminCode equivalent(AdminSlot slot, AdminFamily family) {
        for (AdminCode c : byCode.values()) if (c.slot() == slot && c.family() == family) return c;
        return null;
    }

    public Collection<AdminCode> all() { return byCode.values(); }
}
