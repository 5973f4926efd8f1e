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

    public static final String CLASSES_RESOURCE = "/io/oncoaudit/core/tables/drug-classes.csv";

    /**
     * This table plus one row for every HCPCS code of the ASP quarters that it does not hold: the billing unit from the
     * file's HCPCS Code Dosage (null when it is not a mass, unit or volume: units are then not checked), effective from
     * the first quarter that prices it (open when that is the oldest quarter held) to the end of the last one (open when
     * it is the newest), and the class of {@code classes} (drug-classes.csv: class and its public source), else UNCLASSIFIED.
     */
    public DrugTable withAsp(io.oncoaudit.core.tables.cms.AspQuarters asp, List<CsvReader.Row> classes) {
        Map<String, String[]> cls = new HashMap<>();
        for (CsvReader.Row r : classes) cls.put(r.get("hcpcs"), new String[] {r.get("class"), r.get("class_source")});
        List<java.time.YearMonth> quarters = asp.quarters();
        Map<String, List<java.time.YearMonth>> seen = new java.util.LinkedHashMap<>();
        Map<String, io.oncoaudit.core.tables.cms.AspQuarter.Entry> latest = new HashMap<>();
        for (java.time.YearMonth q : quarters) {
            for (var e : asp.get(q).entries().values()) {
                if (byCode.containsKey(e.hcpcs())) continue;
                seen.computeIfAbsent(e.hcpcs(), k -> new ArrayList<>(quarters.size())).add(q);
                latest.put(e.hcpcs(), e);
            }
        }
        List<Drug> all = new ArrayList<>();
        for (List<Drug> rows : byCode.values()) all.addAll(rows);
        for (Map.Entry<String, List<java.time.YearMonth>> s : seen.entrySet()) {
            var e = latest.get(s.getKey());
            List<java.time.YearMonth> in = s.getValue();
            String[] c = cls.get(s.getKey());
            DrugClass dc = c == null ? DrugClass.UNCLASSIFIED : DrugClass.valueOf(c[0]);
            Object[] unit = dosage(e.billingUnitText());
            java.time.YearMonth first = in.get(0), last = in.get(in.size() - 1);
            LocalDate from = first.equals(quarters.get(0)) ? null : first.atDay(1);
            LocalDate to = last.equals(quarters.get(quarters.size() - 1)) ? null : last.plusMonths(2).atEndOfMonth();
            all.add(new Drug(s.getKey(), e.shortDescription(), (java.math.BigDecimal) unit[0], (io.oncoaudit.core.model.DoseUnit) unit[1], dc,
                    false, List.of(), null, from, to, null, "ASP",
                    "CMS ASP payment limit files " + first + " to " + last + " (" + in.size() + " quarters), HCPCS Code Dosage '" + e.billingUnitText() + "'",
                    List.of(), c == null ? "no public source classifies it (drug-classes.csv)" : c[1]));
        }
        return new DrugTable(all);
    }

    private static final java.util.regex.Pattern DOSAGE = java.util.regex.Pattern.compile(
            "(?i)^\\s*(\\d+(?:\\.\\d+)?)\\s*(MG|MCG|GM|G|UNITS?|IU|ML|CC)\\s*$");

    /** [size, unit] of an ASP HCPCS Code Dosage ("0.5 MG", "10 UNITS", "1 ML"); [null, null] when it is not one of those. */
    static Object[] dosage(String text) {
        if (text == null) return new Object[] {null, null};
        var m = DOSAGE.matcher(text);
        if (!m.matches()) return new Object[] {null, null};
        String u = m.group(2).toUpperCase(java.util.Locale.ROOT);
        io.oncoaudit.core.model.DoseUnit unit = switch (u) {
            case "MG" -> io.oncoaudit.core.model.DoseUnit.MG;
            case "MCG" -> io.oncoaudit.core.model.DoseUnit.MCG;
            case "GM", "G" -> io.oncoaudit.core.model.DoseUnit.G;
            case "ML", "CC" -> io.oncoaudit.core.model.DoseUnit.ML;
            default -> io.oncoaudit.core.model.DoseUnit.UNITS;
        };
        return new Object[] {new java.math.BigDecimal(m.group(1)), unit};
    }

    /** The row in effect on {@code dos}; else the newest row for the code (check {@link Drug#effectiveOn}); null if unknown. */
    public Drug get(String hcpcs, LocalDate dos) {
        List<Drug> rows = hcpcs == null ? null : byCode.get(hcpcs);
        if (rows == null) return null;
        if (rows.size() == 1) return rows.get(0); // in effect on the date, or else the newest: the one row either way
        Drug newest = null;
        for (int i = 0, n = rows.size(); i < n; i++) {
            Drug d = rows.get(i);
            if (dos != null && d.effectiveOn(dos)) return d;
            if (newest == null || (d.effectiveFrom() != null
                    && (newest.effectiveFrom() == null || d.effectiveFrom().isAfter(newest.effectiveFrom())))) newest = d;
        }
        return newest;
    }

    public boolean isDrugCode(String hcpcs) { return hcpcs != null && byCode.containsKey(hcpcs); }

    public Collection<List<Drug>> all() { return byCode.values(); }
}
