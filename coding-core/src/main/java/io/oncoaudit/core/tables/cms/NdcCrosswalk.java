package io.oncoaudit.core.tables.cms;

import io.oncoaudit.core.tables.TableFormatException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One quarter of the CMS "ASP NDC-HCPCS Crosswalk for Medicare Part B Drugs" in its official layout: preamble
 * (title, "Effective ... through ...", notes), then the header {@code _YYYY_CODE, Short Description, LABELER NAME,
 * NDC2, Drug Name, HCPCS dosage, PKG SIZE, PKG QTY, BILLUNITS, BILLUNITSPKG} (found by content: the row holding
 * NDC2 and BILLUNITSPKG; the HCPCS column is the one named *CODE or HCPCS*), then one row per HCPCS code and NDC.
 * BILLUNITS = HCPCS billing units in one item, BILLUNITSPKG = in one package.
 *
 * <p>Rows are indexed by the NDC's 11 digits. A row whose NDC2 is not an NDC in 5-4-2 form (the file holds a few
 * other identifiers, e.g. "GG100") or whose unit columns are not numbers is listed in {@link #anomalies()} with the
 * reason, never silently dropped; a non-NDC identifier is not indexed, a row with an unreadable number is indexed with
 * that number null. Immutable and thread-safe.
 */
public final class NdcCrosswalk {
    /** One HCPCS-NDC pair. {@code ndc11} is the 11 digits; numbers are null when the file's cell is not a number. */
    public record Row(String hcpcs, String ndc11, String ndc2, String labeler, String drugName, String hcpcsDosage,
                      BigDecimal pkgSize, BigDecimal pkgQty, BigDecimal billUnits, BigDecimal billUnitsPkg, long line) { }

    /** A row the index treats specially, with the reason. */
    public record Anomaly(long line, String hcpcs, String ndc2, String reason) { }

    private final String source;
    private final YearMonth quarter;
    private final Map<String, List<Row>> byNdc;
    private final Map<String, List<Row>> byHcpcs;
    private final List<Anomaly> anomalies;
    private final int dataRows;

    private NdcCrosswalk(String source, YearMonth quarter, Map<String, List<Row>> byNdc, Map<String, List<Row>> byHcpcs,
                         List<Anomaly> anomalies, int dataRows) {
        this.source = source;
        this.quarter = quarter;
        this.byNdc = byNdc;
        this.byHcpcs = byHcpcs;
        this.anomalies = anomalies;
        this.dataRows = dataRows;
    }

    public static NdcCrosswalk parse(String source, String text) {
        List<CsvRecords.Record> records = CsvRecords.parse(text);
        int headerAt = -1;
        Map<String, Integer> cols = null;
        for (int i = 0; i < records.size() && headerAt < 0; i++) {
            Map<String, Integer> names = new HashMap<>();
            List<String> cells = records.get(i).cells();
            for (int c = 0; c < cells.size(); c++) names.putIfAbsent(CsvRecords.norm(cells.get(c)), c);
            if (names.containsKey("NDC2") && names.containsKey("BILLUNITSPKG")) {
                headerAt = i;
                cols = names;
            }
        }
        if (headerAt < 0) {
            throw new TableFormatException(source, 1, "no header row with 'NDC2' and 'BILLUNITSPKG' found; is this a CMS "
                    + "ASP NDC-HCPCS crosswalk?");
        }
        long headerLine = records.get(headerAt).line();
        Integer code = null;
        for (Map.Entry<String, Integer> e : cols.entrySet()) {
            if (e.getKey().endsWith("_CODE") || e.getKey().startsWith("HCPCS CODE")) code = code == null ? e.getValue() : Math.min(code, e.getValue());
        }
        if (code == null) throw new TableFormatException(source, headerLine, "header has no HCPCS code column (_YYYY_CODE)");
        for (String c : List.of("HCPCS DOSAGE", "PKG SIZE", "PKG QTY", "BILLUNITS")) {
            if (!cols.containsKey(c)) throw new TableFormatException(source, headerLine, "header has no column '" + c + "'");
        }
        LocalDate[] eff = CmsDates.effective(records.subList(0, headerAt));
        YearMonth quarter = eff != null ? YearMonth.from(eff[0]) : CmsDates.fromName(source);
        if (quarter == null) {
            throw new TableFormatException(source, 1, "no 'Effective <date> through <date>' line and no YYYY-MM in the file "
                    + "name: cannot tell which quarter this crosswalk is");
        }
        int ndcAt = cols.get("NDC2"), dosage = cols.get("HCPCS DOSAGE"), size = cols.get("PKG SIZE"), qty = cols.get("PKG QTY"),
                bu = cols.get("BILLUNITS"), bup = cols.get("BILLUNITSPKG");
        Integer labeler = cols.get("LABELER NAME"), drug = cols.get("DRUG NAME");
        Map<String, List<Row>> byNdc = new HashMap<>(), byHcpcs = new HashMap<>();
        List<Anomaly> anomalies = new ArrayList<>();
        int rows = 0;
        for (int i = headerAt + 1; i < records.size(); i++) {
            CsvRecords.Record r = records.get(i);
            if (r.blank()) continue;
            rows++;
            String hcpcs = r.cell(code).toUpperCase(Locale.ROOT), ndc2 = r.cell(ndcAt);
            if (hcpcs.isEmpty()) throw new TableFormatException(source, r.line(), "HCPCS code column is blank");
            String digits = Ndc.fiveFourTwo(ndc2);
            BigDecimal[] n = new BigDecimal[4];
            int[] at = {size, qty, bu, bup};
            String[] names = {"PKG SIZE", "PKG QTY", "BILLUNITS", "BILLUNITSPKG"};
            for (int k = 0; k < 4; k++) {
                n[k] = AspQuarter.number(r.cell(at[k]));
                if (n[k] == null) anomalies.add(new Anomaly(r.line(), hcpcs, ndc2, names[k] + " '" + r.cell(at[k]) + "' is not a number"));
            }
            if (digits == null) {
                anomalies.add(new Anomaly(r.line(), hcpcs, ndc2, "NDC2 '" + ndc2 + "' is not an NDC in 5-4-2 form: not indexed"));
                continue;
            }
            Row row = new Row(hcpcs, digits, ndc2, labeler == null ? "" : r.cell(labeler), drug == null ? "" : r.cell(drug),
                    r.cell(dosage), n[0], n[1], n[2], n[3], r.line());
            byNdc.computeIfAbsent(digits, k -> new ArrayList<>(1)).add(row);
            byHcpcs.computeIfAbsent(hcpcs, k -> new ArrayList<>()).add(row);
        }
        byNdc.replaceAll((k, v) -> List.copyOf(v));
        byHcpcs.replaceAll((k, v) -> List.copyOf(v));
        return new NdcCrosswalk(source, quarter, Map.copyOf(byNdc), Map.copyOf(byHcpcs), List.copyOf(anomalies), rows);
    }

    /** The crosswalk rows of an NDC (11 digits, or 5-4-2 with hyphens); empty when the NDC is not in this quarter. */
    public List<Row> byNdc(String ndc) {
        String d = ndc == null ? null : Ndc.digits(ndc);
        if (d == null) return List.of();
        List<Row> r = byNdc.get(d);
        return r == null ? List.of() : r;
    }

    /** The row pairing this HCPCS code with this NDC, or null. */
    public Row pair(String hcpcs, String ndc) {
        for (Row r : byNdc(ndc)) if (r.hcpcs().equals(hcpcs)) return r;
        return null;
    }

    /** The rows of one HCPCS code. */
    public List<Row> byHcpcs(String hcpcs) {
        List<Row> r = hcpcs == null ? null : byHcpcs.get(hcpcs);
        return r == null ? List.of() : r;
    }

    /** Number of distinct indexed NDCs. */
    public int ndcCount() { return byNdc.size(); }

    public List<Anomaly> anomalies() { return anomalies; }

    public int dataRows() { return dataRows; }

    public YearMonth quarter() { return quarter; }

    public String source() { return source; }

    public String version() { return "NDC-HCPCS crosswalk " + quarter; }
}
