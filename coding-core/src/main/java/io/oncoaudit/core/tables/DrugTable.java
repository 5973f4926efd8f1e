package io.oncoaudit.core.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** HCPCS drug codes, loaded from {@code drugs.csv}; a code may have several rows with effective ranges. */
public final class DrugTable {
    public static final String RESOURCE = "/io/oncoaudit/core/tables/drugs.csv";

    private final Map<String, List<Drug>> byCode;
    private final List<Drug> combinationProducts;

    public DrugTable(Collection<Drug> drugs) {
        Map<String, List<Drug>> m = new HashMap<>();
        for (Drug d : drugs) m.computeIfAbsent(d.hcpcs(), k -> new ArrayList<>()).add(d);
        this.byCode = m;
        // most components first: a claim billing J9306 + J9355 + J3473 is Phesgo, not Herceptin Hylecta plus pertuzumab
        this.combinationProducts = drugs.stream().filter(Drug::combinationProduct)
                .sorted((x, y) -> Integer.compare(y.components().size(), x.components().size())).toList();
    }

    /** Fixed-dose combination products (rows with components), most components first. */
    public List<Drug> combinationProducts() { return combinationProducts; }

    public static DrugTable load(List<CsvReader.Row> rows) {
        List<Drug> drugs = rows.stream().map(r -> new Drug(
                r.get("hcpcs"),
                r.get("name"),
                Tables.decimal(r, "billing_unit_size"),
                Tables.doseUnit(r, "billing_unit"),
                Tables.enumValue(r, "class", DrugClass.class),
                Tables.bool(r, "single_dose_container"),
                Tables.list(r, "components"),
                Tables.route(r, "usual_route"),
                Tables.date(r, "effective_from"),
                Tables.date(r, "effective_to"),
                emptyToNull(r.getOrEmpty("replaced_by")),
                r.get("status"),
                r.get("citation"),
                Tables.list(r, "other_routes").stream().map(x -> io.oncoaudit.core.model.Route.parse("other_routes", x)).toList(),
                emptyToNull(r.getOrEmpty("class_source")))).toList();
        return new DrugTable(drugs);
    }

    private static String emptyToNull(String s) { return s.isEmpty() ? null : s; }

    /** The row in effect on {@code dos}; else the newest row for the code (check {@link Drug#effectiveOn}); null if unknown. */
    public Drug get(String hcpcs, LocalDate dos) {
        List<Drug> rows = hcpcs == null ? null : byCode.get(hcpcs);
        if (rows == null) return null;
        Drug newest = null;
        for (Drug d : rows) {
            if (dos != null && d.effectiveOn(dos)) return d;
            if (newest == null || (d.effectiveFrom() != null
                    && (newest.effectiveFrom() == null || d.effectiveFrom().isAfter(newest.effectiveFrom())))) newest = d;
        }
        return newest;
    }

    public boolean isDrugCode(String hcpcs) { return hcpcs != null && byCode.containsKey(hcpcs); }

    public Collection<List<Drug>> all() { return byCode.values(); }
}
